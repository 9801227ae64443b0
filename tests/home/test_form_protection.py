import time

import pytest
from django import forms
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory

from home import form_protection
from home.private_links import hash_token, new_token
from home.private_pages import make_private


class InterestForm(form_protection.ProtectedFormMixin, forms.Form):
    name = forms.CharField()


def started_ago(seconds, monkeypatch):
    real = time.time
    monkeypatch.setattr(form_protection.time, "time", lambda: real() - seconds)
    stamp = InterestForm().initial[form_protection.TIMESTAMP_FIELD]
    monkeypatch.setattr(form_protection.time, "time", real)
    return stamp


def test_person_who_took_their_time_is_not_automated(monkeypatch):
    form = InterestForm({"name": "Sam", "form_started": started_ago(40, monkeypatch)})
    assert form.is_valid()
    assert not form.looks_automated()


def test_filled_honeypot_is_automated(monkeypatch):
    data = {
        "name": "Sam",
        "website_url": "http://spam",
        "form_started": started_ago(40, monkeypatch),
    }
    form = InterestForm(data)
    assert form.is_valid()
    assert form.looks_automated()


def test_too_fast_or_forged_start_time_is_automated(monkeypatch):
    fast = InterestForm({"name": "Sam", "form_started": started_ago(0, monkeypatch)})
    forged = InterestForm({"name": "Sam", "form_started": "12345"})
    assert fast.is_valid() and fast.looks_automated()
    assert forged.is_valid() and forged.looks_automated()


def test_a_start_time_sends_one_form_only(monkeypatch):
    stamp = started_ago(40, monkeypatch)
    first = InterestForm({"name": "Sam", "form_started": stamp})
    assert first.is_valid() and not first.looks_automated()
    for _ in range(20):
        again = InterestForm({"name": "Sam", "form_started": stamp})
        assert again.is_valid() and again.looks_automated()


def test_a_start_time_works_only_for_the_form_it_was_issued_for():
    class OtherForm(form_protection.ProtectedFormMixin, forms.Form):
        name = forms.CharField()

    borrowed = OtherForm().initial[form_protection.TIMESTAMP_FIELD]
    form = InterestForm({"name": "Sam", "form_started": borrowed})
    assert form.is_valid() and form.looks_automated()
    older_format = form_protection.signing.dumps(
        time.time() - 60, salt=form_protection._SIGNING_SALT
    )
    form = InterestForm({"name": "Sam", "form_started": older_format})
    assert form.is_valid() and form.looks_automated()


def test_honeypot_is_hidden_from_people_and_assistive_technology():
    from django.template.loader import render_to_string

    html = render_to_string("components/forms/honeypot.html", {"form": InterestForm()})
    assert 'aria-hidden="true"' in html
    assert 'tabindex="-1"' in html
    assert 'autocomplete="off"' in html


def test_rate_limit_counts_per_value_and_hashes_keys():
    cache.clear()
    results = [form_protection.hit_rate_limit("interest", "07700 900123", 3, 60) for _ in range(5)]
    assert results == [False, False, False, True, True]
    assert form_protection.hit_rate_limit("interest", "another person", 3, 60) is False
    assert not any("07700" in str(key) for key in getattr(cache, "_cache", {}))


def test_ip_limit_uses_the_client_address(settings):
    cache.clear()
    settings.TRUSTED_PROXY_COUNT = 1
    factory = RequestFactory()
    first = factory.post("/", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = factory.post("/", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert [form_protection.over_ip_limit(first, "form", 1, 60) for _ in range(2)] == [False, True]
    assert form_protection.over_ip_limit(second, "form", 1, 60) is False


def test_tokens_are_random_and_only_their_hash_is_kept():
    token, token_hash = new_token()
    other, _ = new_token()
    assert token != other
    assert len(token) >= 43
    assert token_hash == hash_token(token)
    assert token not in token_hash


@pytest.mark.parametrize("header", ["Cache-Control", "Referrer-Policy"])
def test_private_pages_are_never_cached_and_never_send_a_referrer(header):
    response = make_private(HttpResponse("secret"))
    assert {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}[header] in response[
        header
    ]
