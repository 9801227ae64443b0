"""A selected person's sessions as an iCalendar file, from their status page.

One event per dated session, with a UID that stays the same however often
the file is downloaded, so a calendar app updates the event rather than
adding it twice. When someone else may see the person's messages
(``needs_second_factor``), a calendar on a shared device is no safer: every
event is an "Appointment" with no place, and its only detail is the neutral
private link, which asks for the reference first.
"""

from datetime import datetime, timedelta
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.utils import timezone

from privacy.contact_wishes.links import message_link

NEUTRAL_TITLE = "Appointment"


def selected_venue(page):
    """The venue's name and full address: selected people may know it, even
    when the address is kept off the public page."""
    return ", ".join(part for part in (page.venue_name, page.full_address) if part)


def session_uid(session):
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "copro-network"
    return f"opportunity-session-{session.pk}@{host}"


def _times(session):
    """(start, end) of the event: aware datetimes, or whole days when no time is set."""
    if not session.starts_at:
        return session.date, session.date + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(session.date, session.starts_at))
    if session.ends_at:
        end = timezone.make_aware(datetime.combine(session.date, session.ends_at))
    elif session.hours:
        end = start + timedelta(hours=float(session.hours))
    else:
        end = start + timedelta(hours=1)
    return start, end


def sessions_calendar(record, page, private_link, token):
    """The .ics file (bytes) of ``page``'s dated sessions for ``record``'s person."""
    neutral = record.needs_second_factor
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Co-pro Network//Your sessions//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    link = message_link(private_link, token) if neutral else private_link
    for session in page.dated_sessions:
        start, end = _times(session)
        event = icalendar.Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", timezone.now())
        event.add("dtstart", start)
        event.add("dtend", end)
        if neutral:
            event.add("summary", NEUTRAL_TITLE)
            event.add("description", f"Details: {link}")
        else:
            event.add("summary", page.title)
            where = session.where or selected_venue(page)
            if where:
                event.add("location", where)
            event.add("description", f"Reference {record.reference}. Your page: {link}")
        calendar.add_component(event)
    return calendar.to_ical()
