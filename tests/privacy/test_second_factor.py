"""The second factor a private link asks for when someone else may read the
person's messages: what it shows, what it accepts, and its limit."""

import pytest
from django.test import Client

from tests.ladder.invitation_helpers import lead_url, make_invitation, make_partner
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest, phone_only

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_record(board):
    opportunity = make_opportunity(board, title="Shape the refuge's support")
    record, token = make_interest(opportunity, **phone_only("07700 900517", safe=False))
    return record, f"{opportunity.url}interest/status/{token}/"


def test_the_status_page_asks_first_and_names_nothing(private_record):
    record, link = private_record
    client = Client()
    for path in (link, link + "withdraw/"):
        response = client.get(path)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Check it is you" in html and "last 3 digits" in html
        assert "refuge" not in html.lower() and record.reference not in html
        assert response["Cache-Control"].startswith("no-store")
    # A withdrawal posted without the second factor withdraws nothing.
    assert client.post(link + "withdraw/").status_code == 200
    record.refresh_from_db()
    assert record.status == "new"


def test_the_right_answers_open_it_for_this_browser_only(private_record):
    record, link = private_record
    client = Client()
    answers = {
        "second_factor": "1",
        "reference": f" {record.reference.lower()} ",
        "phone_end": "517",
    }
    response = client.post(link, answers)
    assert response.status_code == 303 and response["Location"] == link
    assert "Shape the refuge" in client.get(link).content.decode()
    assert "Check it is you" in Client().get(link).content.decode()


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({}, "Enter your reference"),
        ({"reference": "BCD-FGH"}, "do not match"),
        ({"reference": "x" * 30}, "7 characters"),
    ],
)
def test_wrong_answers_are_refused_beside_the_fields(private_record, answers, message):
    record, link = private_record
    data = {"second_factor": "1", "phone_end": "517", **answers}
    response = Client().post(link, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Shape the refuge" not in response.content.decode()


def test_guessing_is_limited_per_link(private_record):
    record, link = private_record
    client = Client()
    wrong = {"second_factor": "1", "reference": "BCD-FGH", "phone_end": "000"}
    statuses = [client.post(link, wrong).status_code for _ in range(9)]
    assert statuses == [400] * 8 + [429]
    right = {**wrong, "reference": record.reference, "phone_end": "517"}
    blocked = client.post(link, right)
    assert blocked.status_code == 429
    assert "We could not take this form just now" in blocked.content.decode()


def test_a_lead_contact_whose_email_is_not_safe_gives_the_invitation_reference(
    home_page, assessment_page
):
    invitation = make_invitation(
        make_partner(home_page, title="Riverside Refuge"), email_safe=False
    )
    client = Client()
    asked = client.get(lead_url(invitation))
    assert "Check it is you" in asked.content.decode()
    assert "Riverside" not in asked.content.decode()
    assert "last 3 digits" not in asked.content.decode()
    opened = client.post(
        lead_url(invitation), {"second_factor": "1", "reference": invitation.reference}, follow=True
    )
    assert "Riverside Refuge" in opened.content.decode()


def test_an_unknown_neutral_link_says_so_plainly(client):
    response = client.get(f"/m/{'x' * 43}/")
    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()
    assert response["Cache-Control"].startswith("no-store")
