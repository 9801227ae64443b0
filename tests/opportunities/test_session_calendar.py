"""Selected people add their sessions to a calendar from their status page: an
.ics that two iCalendar libraries read, with a stable UID per session, and
neutral ("Appointment", no place) when someone else may see their messages."""

import re
from datetime import date, time, timedelta

import icalendar
import pytest
import vobject
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from home.models import SiteSettings
from opportunities.interest import services
from opportunities.models import OpportunitySession
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.django_db

TITLE = "Shape the domestic abuse helpline"


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    return SiteSettings.load()


@pytest.fixture
def opportunity(board):
    page = make_opportunity(board, title=TITLE, slug="helpline", venue_name="Riverside Refuge")
    soon = timezone.localdate() + timedelta(days=10)
    OpportunitySession.objects.create(page=page, date=soon, starts_at=time(10), ends_at=time(12))
    OpportunitySession.objects.create(
        page=page, date=soon + timedelta(days=7), place="Room 2, Town Hall"
    )
    return page


def calendar_url(page, token):
    return f"{page.url}interest/status/{token}/calendar/"


def download(client, page, token):
    response = client.get(calendar_url(page, token))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"].startswith("no-store")
    return response.content.decode()


def both_parsers(ics):
    """The events as icalendar and vobject read them: (uid, summary, location, start)."""
    by_icalendar = [
        (str(e["uid"]), str(e["summary"]), str(e.get("location", "")), e.decoded("dtstart"))
        for e in icalendar.Calendar.from_ical(ics).walk("VEVENT")
    ]
    parsed = vobject.readOne(ics)
    by_vobject = [
        (
            e.uid.value,
            e.summary.value,
            e.location.value if hasattr(e, "location") else "",
            e.dtstart.value,
        )
        for e in parsed.vevent_list
    ]
    assert by_icalendar == by_vobject
    return by_icalendar


def test_selected_people_get_their_sessions_with_titles_places_and_stable_uids(client, opportunity):
    record, token = make_interest(opportunity, status="selected")
    status_page = client.get(f"{opportunity.url}interest/status/{token}/").content.decode()
    assert 'href="calendar/"' in status_page
    ics = download(client, opportunity, token)
    first, second = both_parsers(ics)
    assert first[1:3] == (TITLE, "Riverside Refuge")
    assert first[3] == timezone.make_aware(
        timezone.datetime.combine(timezone.localdate() + timedelta(days=10), time(10))
    )
    assert second[1:3] == (TITLE, "Room 2, Town Hall")
    assert isinstance(second[3], date)  # no time set yet: a whole-day event
    assert record.reference in ics
    assert [uid for uid, *_ in both_parsers(download(client, opportunity, token))] == [
        first[0],
        second[0],
    ]
    assert first[0] != second[0]


def test_when_someone_else_may_see_it_every_event_is_a_neutral_appointment(client, opportunity):
    record, token = make_interest(
        opportunity, status="selected", contact_email="sam@example.org", email_safe=False
    )
    ics_url = calendar_url(opportunity, token)
    asked = client.get(ics_url)
    assert "Check it is you" in asked.content.decode()  # the same gate as the status page
    client.post(ics_url, {"second_factor": "1", "reference": record.reference})
    ics = download(client, opportunity, token)
    events = both_parsers(ics)
    assert [(summary, location) for _uid, summary, location, _start in events] == [
        ("Appointment", ""),
        ("Appointment", ""),
    ]
    for word in [TITLE, "helpline", "Refuge", "Town Hall", record.reference]:
        assert word not in ics
    assert f"/m/{token}/" in ics.replace("\r\n ", "")


@pytest.mark.parametrize("status", ["new", "contacted", "not_selected", "withdrawn"])
def test_only_selected_people_have_a_calendar(client, opportunity, status):
    _record, token = make_interest(opportunity, status=status)
    assert client.get(calendar_url(opportunity, token)).status_code == 404
    status_page = client.get(f"{opportunity.url}interest/status/{token}/").content.decode()
    assert "calendar/" not in status_page


def test_a_wrong_token_gets_no_calendar(client, opportunity):
    make_interest(opportunity, status="selected")
    assert client.get(calendar_url(opportunity, "x" * 43)).status_code == 404


def _emails_from(action, capture):
    mail.outbox.clear()
    with capture(execute=True):
        action()
    return list(mail.outbox)


def _calendar_link(body):
    [link] = re.findall(r"Add your sessions to your calendar: (http://\S+/calendar/)", body)
    return link.removeprefix("http://testserver")


def test_the_selection_email_links_to_the_calendar_which_downloads(
    client, opportunity, django_capture_on_commit_callbacks
):
    record, _token = make_interest(opportunity, status="new")
    [email] = _emails_from(
        lambda: services.change_status([record], "selected", send_message=True),
        django_capture_on_commit_callbacks,
    )
    ics = client.get(_calendar_link(email.body)).content.decode()
    assert [event[1] for event in both_parsers(ics)] == [TITLE, TITLE]


def test_the_session_reminder_email_links_to_the_calendar(
    client, opportunity, django_capture_on_commit_callbacks
):
    OpportunitySession.objects.create(page=opportunity, date=timezone.localdate() + timedelta(1))
    make_interest(opportunity, status="selected")
    [email] = _emails_from(
        lambda: call_command("send_session_reminders", stdout=None),
        django_capture_on_commit_callbacks,
    )
    assert client.get(_calendar_link(email.body)).status_code == 200


def test_people_not_selected_get_no_calendar_link(opportunity, django_capture_on_commit_callbacks):
    record, _token = make_interest(opportunity, status="new")
    [email] = _emails_from(
        lambda: services.change_status([record], "not_selected", send_message=True),
        django_capture_on_commit_callbacks,
    )
    assert "calendar" not in email.body
