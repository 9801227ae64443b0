""" "Send me my link again": the link goes to the contact given with the
reference and nowhere else, the page says the same whatever matched, bad
input is answered beside the field, and it is rate-limited."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from home import form_protection
from home.models import SiteSettings
from opportunities.models import ExpressionOfInterest
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.django_db

URL = "/your-link/"
TITLE = "Shape the housing repairs service"
MOBILE = "07400 123456"
SHORT_LINK = re.compile(r"http://testserver/m/[A-Za-z0-9_-]{43}/")


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    settings = SiteSettings.load()
    settings.organisation_name = "Co-pro Network"
    settings.contact_phone = "0161 496 0000"
    settings.save()
    return settings


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title=TITLE, slug="repairs")


@pytest.fixture
def ask(client, django_capture_on_commit_callbacks):
    """Send the form as a person would; messages queued after commit are sent."""

    def post(reference, contact, **extra):
        mail.outbox.clear()
        started = form_protection.issue_start_time(
            "opportunities.link_again", timezone.now().timestamp() - 60
        )
        data = {"reference": reference, "contact": contact, "form_started": started, **extra}
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(URL, data)

    return post


def test_the_right_email_gets_the_link_and_it_opens_their_page(ask, opportunity, client):
    record, _token = make_interest(opportunity, contact_email="sam@example.org", name="Sam")
    response = ask(record.reference.lower().replace("-", " "), " SAM@example.org ")
    assert response.status_code == 303
    assert response["Location"] == "/your-link/sent/"
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert record.reference in email.body
    [link] = re.findall(r"http://testserver\S+/interest/status/\S+/", email.body)
    page = client.get(link.removeprefix("http://testserver"))
    assert page.status_code == 200
    assert record.reference in page.content.decode()


def test_the_right_mobile_gets_the_link_by_text(ask, opportunity, text_outbox, client):
    record, _token = make_interest(opportunity, contact_phone=MOBILE, text_ok=True, text_safe=True)
    response = ask(record.reference, "+44 7400 123 456")
    assert response.status_code == 303
    [text] = text_outbox
    assert text.to == "+447400123456"
    assert text.body.startswith(
        f"Co-pro Network: here is your link again. Reference {record.reference}."
    )
    [link] = SHORT_LINK.findall(text.body)
    page = client.get(link.removeprefix("http://testserver"), follow=True)
    assert record.reference in page.content.decode()
    assert mail.outbox == []


def test_when_email_is_not_safe_the_link_comes_in_a_neutral_email(ask, opportunity):
    record, _ = make_interest(opportunity, contact_email="sam@example.org", email_safe=False)
    ask(record.reference, "sam@example.org")
    [email] = mail.outbox
    assert email.subject == "A message from Co-pro Network"
    assert TITLE not in email.body and record.reference not in email.body


@pytest.mark.parametrize(
    "case",
    [
        "unknown reference",
        "another person's email",
        "a number they did not allow texts on",
        "email they did not allow",
        "link expired",
    ],
)
def test_nothing_is_sent_and_the_page_is_the_same_when_anything_does_not_match(
    ask, opportunity, client, text_outbox, case
):
    sam, _ = make_interest(opportunity, contact_email="sam@example.org")
    make_interest(opportunity, contact_email="kim@example.org")
    caller, _ = make_interest(opportunity, contact_phone=MOBILE, call_ok=True, call_safe=True)
    unemailed, _ = make_interest(
        opportunity, contact_email="lee@example.org", email_ok=False, **{"call_ok": True}
    )
    reference, contact = {
        "unknown reference": ("ZZZ-99Z", "sam@example.org"),
        "another person's email": (sam.reference, "kim@example.org"),
        "a number they did not allow texts on": (caller.reference, MOBILE),
        "email they did not allow": (unemailed.reference, "lee@example.org"),
        "link expired": (sam.reference, "sam@example.org"),
    }[case]
    if case == "link expired":
        ExpressionOfInterest.objects.filter(pk=sam.pk).update(
            token_expires_at=timezone.now() - timedelta(minutes=1)
        )
    response = ask(reference, contact)
    assert (response.status_code, response["Location"]) == (303, "/your-link/sent/")
    assert mail.outbox == [] and text_outbox == []
    sent_page = client.get("/your-link/sent/").content.decode()
    assert "If the reference and the email address or mobile number match" in sent_page


@pytest.mark.parametrize(
    ("reference", "contact", "errors"),
    [
        ("", "", ["Enter your reference", "Enter the email address or mobile number you gave us"]),
        ("KMP-47X", "sam@", ["Enter an email address like name@example.org"]),
        ("KMP-47X", "0161 496 0123", ["Enter a UK mobile number, like 07123 456789"]),
        ("K" * 21, "sam@example.org", ["Your reference is 7 characters, like KMP-47X"]),
    ],
)
def test_bad_input_is_explained_beside_the_field_and_kept(ask, reference, contact, errors):
    response = ask(reference, contact)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Send me my link again" in html
    for error in errors:
        assert html.count(error) == 2  # in the summary and beside the field
    if contact:
        assert f'value="{contact}"' in html
    assert mail.outbox == []


def test_the_same_reference_is_answered_three_times_a_day_whether_it_exists_or_not(
    ask, opportunity
):
    record, _ = make_interest(opportunity, contact_email="sam@example.org")
    for reference in (record.reference, "ZZZ-99Z"):
        for _ in range(3):
            assert ask(reference, "sam@example.org").status_code == 303
        blocked = ask(reference, "sam@example.org")
        assert blocked.status_code == 429
        assert "We could not take this form just now" in blocked.content.decode()
        assert mail.outbox == []


def test_a_form_filled_in_by_a_robot_sends_nothing(ask, opportunity):
    record, _ = make_interest(opportunity, contact_email="sam@example.org")
    response = ask(record.reference, "sam@example.org", website_url="http://spam.example")
    assert response.status_code == 200
    assert "Please press" in response.content.decode()
    assert mail.outbox == []


def test_the_page_is_private(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    assert "Send me my link again" in response.content.decode()
