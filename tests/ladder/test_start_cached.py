"""The self-assessment's start page is cached for everyone; its first step,
with a CSRF token, and every private-link page never are."""

import re

import pytest
from django.test import Client

from ladder.models import SelfAssessment
from tests.home.page_cache_helpers import HIT, cache_status
from tests.ladder.journey_helpers import ABOUT, START_URL
from tests.responses import text

pytestmark = pytest.mark.django_db


def test_the_self_assessment_start_is_a_plain_link_and_is_cached(page_cache, assessment_page):
    first = Client().get(START_URL)
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert f'href="{START_URL}begin/"' in first.content.decode()
    assert cache_status(Client().get(START_URL)) == HIT


def test_a_page_with_a_csrf_form_is_never_cached_nor_anothers_token_shown(
    page_cache, assessment_page
):
    first, second = Client(), Client()
    one = first.get(START_URL + "begin/")
    two = second.get(START_URL + "begin/")
    token = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(one.content) and token.search(two.content)
    assert cache_status(one) is None and cache_status(two) is None
    assert one.cookies["csrftoken"].value != two.cookies["csrftoken"].value
    assert "private" in two["Cache-Control"]


def test_private_link_pages_are_never_served_to_another_visitor(page_cache, assessment_page):
    owner = Client()
    response = owner.post(START_URL + "begin/", ABOUT)
    assert response.status_code == 302
    step = response["Location"]
    assert "/a/" in step
    mine = owner.get(step)
    assert mine.status_code == 200
    assert "no-store" in mine["Cache-Control"]
    assert cache_status(mine) is None
    # The same address from another visitor is rendered again, never served stored.
    assert cache_status(Client().get(step)) is None


def test_the_first_step_saves_nothing_until_it_is_complete(client, assessment_page):
    page = client.get(START_URL + "begin/")
    assert "Step 1 of 5" in text(page)
    assert "Come back later" not in text(page)  # no private link before there is a draft
    refused = client.post(START_URL + "begin/", {**ABOUT, "role": ""})
    assert refused.status_code == 400
    assert "Enter your role" in text(refused)
    assert "Northside Housing" in text(refused)  # what was typed is kept
    assert not SelfAssessment.objects.exists()

    response = client.post(START_URL + "begin/", ABOUT)
    assessment = SelfAssessment.objects.get()
    assert assessment.organisation_name == "Northside Housing"
    assert assessment.role == "Involvement lead"
    assert re.search(r"/a/[\w-]+/step/1/$", response["Location"])
    assert "Step 2 of 5" in text(client.get(response["Location"]))


def test_a_bot_filling_the_honeypot_starts_nothing(client, assessment_page):
    client.post(START_URL + "begin/", {**ABOUT, "website_url": "http://spam.example"})
    assert not SelfAssessment.objects.exists()
