"""The closing-dates calendar parses in two independent iCalendar libraries
(icalendar and vobject), with no event whose end is not after its start."""

from datetime import timedelta

import icalendar
import pytest
import vobject
from django.utils import timezone

from tests.opportunities.conftest import make_opportunity

pytestmark = pytest.mark.django_db


@pytest.fixture
def calendar_text(client, board):
    now = timezone.now()
    for days, title in [(3, "Tenant panel"), (10, "Café & recovery, design day"), (40, "Long one")]:
        make_opportunity(
            board,
            title=title,
            summary="A summary long enough to be folded over more than one line " * 3,
            closes_at=now + timedelta(days=days),
        )
    response = client.get(f"{board.url}feed/closing-dates/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content.decode()


def test_icalendar_reads_three_start_only_events(calendar_text):
    calendar = icalendar.Calendar.from_ical(calendar_text)
    events = list(calendar.walk("VEVENT"))
    assert [str(event["summary"]) for event in events] == [
        "Closing: Tenant panel",
        "Closing: Café & recovery, design day",
        "Closing: Long one",
    ]
    for event in events:
        assert "DTEND" not in event and "DURATION" not in event
        assert event.decoded("dtstart").tzinfo is not None
        assert str(event["uid"]).endswith("-closes@testserver")
        assert str(event["url"]).startswith("http://testserver/opportunities/")


def test_vobject_reads_the_same_events(calendar_text):
    calendar = vobject.readOne(calendar_text, validate=True)
    events = calendar.contents["vevent"]
    assert [event.summary.value for event in events] == [
        "Closing: Tenant panel",
        "Closing: Café & recovery, design day",
        "Closing: Long one",
    ]
    for event in events:
        assert not hasattr(event, "dtend")
        assert event.dtstart.value.tzinfo is not None
        assert "summary long enough" in event.description.value


def test_no_zero_length_event_in_either_library(calendar_text):
    for event in icalendar.Calendar.from_ical(calendar_text).walk("VEVENT"):
        if "DTEND" in event:
            assert event.decoded("dtend") > event.decoded("dtstart")
    for event in vobject.readOne(calendar_text).contents["vevent"]:
        if hasattr(event, "dtend"):
            assert event.dtend.value > event.dtstart.value
