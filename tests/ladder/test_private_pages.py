"""Every page behind a ladder token follows the one private-page rule:
never stored, never indexed; `same-origin` where it holds a form (so the
form can post), `no-referrer` everywhere else."""

import re

import pytest
from django.test import Client

from tests.ladder.invitation_helpers import (
    answer,
    answer_url,
    lead_url,
    make_invitation,
    make_partner,
)
from tests.ladder.journey_helpers import START_URL, start, url

pytestmark = pytest.mark.django_db


def assert_private(response, referrer_policy):
    assert response["Cache-Control"].startswith("no-store")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert response["Referrer-Policy"] == referrer_policy


@pytest.fixture
def invitation(home_page, assessment_page):
    return make_invitation(make_partner(home_page))


def test_journey_pages_with_a_form_are_same_origin_the_result_no_referrer(client, assessment_page):
    token = start(client)
    for step in ("about/", "step/1/", "check/"):
        assert_private(client.get(url(token, step)), "same-origin")
    assert_private(client.get(url(token)), "no-referrer")  # the resume link redirects


def test_invitation_pages(client, invitation):
    assert_private(client.get(answer_url(invitation)), "same-origin")
    assert_private(client.get(lead_url(invitation)), "same-origin")
    assessment = answer(Client(), invitation)
    # A result holds the "Email me the link" form (issue 22).
    assert_private(client.get(url(assessment.token, "result/")), "same-origin")


def test_refusals_hold_no_form_so_send_no_referrer(client, invitation):
    response = client.get(f"{START_URL}i/{'x' * 43}/")
    assert response.status_code == 404
    assert not re.search(r"<form", response.content.decode())
    assert_private(response, "no-referrer")
    invitation.revoke()
    assert_private(client.get(lead_url(invitation)), "no-referrer")
