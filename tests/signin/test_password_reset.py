"""Password-reset requests are rate-limited, per address and per email address."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.signin.helpers import ELSEWHERE, HOME, person, text

pytestmark = pytest.mark.django_db


def ask(client, email, address=HOME):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_five_requests_an_hour_from_one_address(client, django_user_model):
    person(django_user_model)
    for _ in range(5):
        assert ask(client, "dpo@example.org").status_code == 302
    assert len(mail.outbox) == 5
    refused = ask(client, "dpo@example.org")
    assert refused.status_code == 429
    assert "Too many password reset requests from here" in text(refused)
    assert len(mail.outbox) == 5


def test_one_email_address_from_many_addresses(client, django_user_model):
    person(django_user_model)
    for number in range(5):
        ask(client, "dpo@example.org", address=f"192.0.2.{number}")
    assert ask(client, "DPO@example.org", address=ELSEWHERE).status_code == 429
    assert len(mail.outbox) == 5
    # Someone else, from a fresh address, is not held up.
    person(django_user_model, "other")
    assert ask(client, "other@example.org", address="192.0.2.99").status_code == 302


def test_the_limit_is_the_same_for_an_address_with_no_account(client):
    for _ in range(5):
        assert ask(client, "nobody@example.org").status_code == 302
    assert ask(client, "nobody@example.org").status_code == 429
    assert not mail.outbox
