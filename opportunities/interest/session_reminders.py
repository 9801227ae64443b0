"""The reminder selected people get the day before each session, by email and
text as their contact wishes allow, once per person and day (the
``send_session_reminders`` command runs it daily)."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from home.models import SiteSettings
from opportunities.choices import InterestStatus
from opportunities.interest.calendar import selected_venue
from opportunities.interest.emails import (
    calendar_line,
    contact_line,
    status_url,
    without_empty_paragraphs,
)
from opportunities.models.interest import ExpressionOfInterest
from opportunities.models.interest_messages import (
    SESSION_REMINDER,
    SESSION_REMINDER_TEXT,
    InterestMessages,
)
from opportunities.models.session_reminders import SessionReminderSent
from opportunities.models.sessions import OpportunitySession
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import (
    PersonalMessage,
    send_personal_email,
    send_personal_text,
)

SESSION_REMINDER_KIND = "session reminder"


def first_sessions_on(day):
    """Each live opportunity's first session on ``day``."""
    first = {}
    sessions = (
        OpportunitySession.objects.filter(date=day, page__live=True)
        .select_related("page")
        .order_by("page_id", "starts_at")
    )
    for session in sessions:
        first.setdefault(session.page_id, session)
    return list(first.values())


def _claim(record, day):
    """True the first time this person is reminded of ``day``."""
    try:
        with transaction.atomic():
            SessionReminderSent.objects.create(record=record, session_date=day)
    except IntegrityError:
        return False
    return True


def remind(record, session, site_settings, wording):
    page = session.page
    token = record.private_link_token()
    link = status_url(page, token)
    values = {
        "name": record.person_name,
        "reference": record.reference,
        "opportunity": page.title,
        "organisation": site_settings.organisation_name,
        "when": session.describe(with_length=False),
        "where": session.where or selected_venue(page) or "to be confirmed",
        "link": link,
        "contact": contact_line(site_settings),
        "calendar": calendar_line(record, link),
    }
    email = PersonalMessage(
        SESSION_REMINDER.fill(wording.session_reminder_subject, values),
        without_empty_paragraphs(SESSION_REMINDER.fill(wording.session_reminder_body, values)),
        private_link=link,
        token=token,
    )
    contact = contact_line(site_settings)
    send_personal_email(record, email, site_settings.organisation_name, contact)
    text = SESSION_REMINDER_TEXT.fill(
        wording.session_reminder_text, {**values, "link": message_link(link, token)}
    )
    send_personal_text(
        record,
        PersonalMessage("", text, private_link=link, token=token),
        site_settings.organisation_name,
        SESSION_REMINDER_KIND,
    )


def send_session_reminders(today=None):
    """Remind every selected person of tomorrow's session; returns how many
    were reminded. Safe to run more than once a day."""
    tomorrow = (today or timezone.localdate()) + timedelta(days=1)
    site_settings = SiteSettings.load()
    wording = InterestMessages.load()
    reminded = 0
    for session in first_sessions_on(tomorrow):
        selected = ExpressionOfInterest.objects.filter(
            opportunity_id=session.page_id, status=InterestStatus.SELECTED
        )
        for record in selected:
            with transaction.atomic():
                if _claim(record, tomorrow):
                    remind(record, session, site_settings, wording)
                    reminded += 1
    return reminded
