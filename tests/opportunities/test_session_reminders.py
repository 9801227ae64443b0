"""Selected people are reminded the day before each session, by email and by
text as their wishes allow, once; nobody else is."""

import io
from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from home.models import SiteSettings
from opportunities.models import InterestMessages, OpportunitySession
from privacy.texts.length import text_length
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.django_db

TITLE = "Shape the housing repairs service"
MOBILE = "07400 123456"


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
    return make_opportunity(board, title=TITLE, slug="repairs", venue_name="Town Hall, Room 2")


def session_on(opportunity, days_ahead, starts=time(10, 30), ends=time(12, 30)):
    return OpportunitySession.objects.create(
        page=opportunity,
        date=timezone.localdate() + timedelta(days=days_ahead),
        starts_at=starts,
        ends_at=ends,
    )


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def command():
        mail.outbox.clear()
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_session_reminders", stdout=out)
        return out.getvalue()

    return command


def selected(opportunity, **fields):
    return make_interest(opportunity, status="selected", **fields)[0]


def test_selected_people_get_an_email_and_a_text_the_day_before_once(opportunity, run, text_outbox):
    session_on(opportunity, 1)
    record = selected(
        opportunity,
        name="Sam",
        contact_email="sam@example.org",
        contact_phone=MOBILE,
        text_ok=True,
        text_safe=True,
    )
    assert run() == "1 person reminded.\n"
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == f"Tomorrow: {TITLE}"
    assert "10:30am to 12:30pm" in email.body
    assert "Where: Town Hall, Room 2" in email.body
    assert record.reference not in email.subject
    [text] = text_outbox
    assert text.body.startswith("Co-pro Network: a reminder of your session tomorrow, ")
    assert "10:30am to 12:30pm" in text.body
    assert text_length(text.body).fits

    assert run() == "0 people reminded.\n"
    assert mail.outbox == [] and len(text_outbox) == 1


def test_nobody_else_is_reminded_and_not_for_other_days(opportunity, run, text_outbox):
    session_on(opportunity, 1)
    make_interest(opportunity, status="new", contact_email="new@example.org")
    make_interest(opportunity, status="not_selected", contact_email="no@example.org")
    other = make_opportunity(opportunity.get_parent(), title="Another", slug="another")
    session_on(other, 2)
    session_on(other, 0)
    selected(other, contact_email="later@example.org")
    assert run() == "0 people reminded.\n"
    assert mail.outbox == [] and text_outbox == []


def test_two_sessions_tomorrow_give_one_reminder_of_the_first(opportunity, run):
    session_on(opportunity, 1, starts=time(14), ends=time(15))
    session_on(opportunity, 1, starts=time(9), ends=time(10))
    selected(opportunity, contact_email="sam@example.org")
    run()
    [email] = mail.outbox
    assert "9am to 10am" in email.body


def test_when_texts_are_not_safe_the_reminder_text_is_neutral(opportunity, run, text_outbox):
    session_on(opportunity, 1)
    selected(opportunity, contact_phone=MOBILE, text_ok=True, text_safe=False)
    run()
    [text] = text_outbox
    assert text.body.startswith("There is news for you from Co-pro Network.")
    assert TITLE not in text.body and "Town Hall" not in text.body and "session" not in text.body


def test_editors_wording_is_what_people_get(opportunity, run, text_outbox):
    wording = InterestMessages.load()
    wording.session_reminder_text = "See you tomorrow, {name}: {when}. {link}"
    wording.save()
    session_on(opportunity, 1)
    selected(opportunity, name="Siân Ŵyn", contact_phone=MOBILE, text_ok=True, text_safe=True)
    run()
    [text] = text_outbox
    assert text.body.startswith("See you tomorrow, Siân Ŵyn: ")
    assert text_length(text.body).fits
