"""Asking for a reminder, sending it once, and dropping it when it is not needed.

Opportunities come in as arguments (the page model imports this flow through
its routes), so this module never imports the page model.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateformat import format as format_date

from home.models import SiteSettings
from home.private_links import hash_token, new_reference
from opportunities.models.closing_reminder_messages import (
    CLOSING_REMINDER,
    CLOSING_REMINDER_TEXT,
    ClosingReminderMessages,
)
from opportunities.models.closing_reminders import ClosingReminder
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import (
    PersonalMessage,
    send_personal_email,
    send_personal_text,
)
from privacy.contacts import normalise_phone

# The reminder goes this long before the closing time; later than this, it is
# too late to ask for one.
REMINDER_BEFORE = timedelta(days=2)
CLOSING_REMINDER_KIND = "closing reminder"


def too_late_to_ask(opportunity, now=None):
    """Closing within two days (or with no closing date): no reminder to give."""
    if opportunity.closes_at is None:
        return True
    return opportunity.closes_at - REMINDER_BEFORE <= (now or timezone.now())


def ask_for_reminder(opportunity, contact_wishes):
    """Store the reminder and return it (unsaved when one was already asked
    for with this contact: asking twice stores nothing more, and the page
    shows a reference like any other, so it reveals nothing)."""
    reminder = ClosingReminder(opportunity=opportunity, **contact_wishes)
    reminder.issue_link()
    for _attempt in range(5):
        reminder.reference = new_reference()
        try:
            with transaction.atomic():
                reminder.save()
            return reminder
        except IntegrityError:
            if ClosingReminder.objects.filter(
                opportunity=opportunity, contact_key=reminder.contact_key
            ).exists():
                return reminder
    raise RuntimeError("Could not find a free reference")


def find_by_token(opportunity, token):
    if not token or len(token) > 100:
        return None
    return ClosingReminder.objects.filter(
        opportunity_id=opportunity.pk, token_hash=hash_token(token)
    ).first()


def private_path(opportunity, token, request=None):
    return opportunity.get_url(request) + opportunity.reverse_subpage(
        "closing_reminder_status", args=(token,)
    )


def drop_for_interest(record):
    """The person behind this expression of interest no longer needs a
    reminder about its opportunity: same email address, or same phone number."""
    email = record.contact_email.lower()
    phone = normalise_phone(record.contact_phone)
    reminders = ClosingReminder.objects.filter(opportunity_id=record.opportunity_id)
    doomed = [
        reminder.pk
        for reminder in reminders
        if (email and reminder.contact_email.lower() == email)
        or (phone and normalise_phone(reminder.contact_phone) == phone)
    ]
    if doomed:
        ClosingReminder.objects.filter(pk__in=doomed).delete()


def _claim(reminder, now):
    """True for the one run that gets to send this reminder."""
    return bool(
        ClosingReminder.objects.filter(pk=reminder.pk, sent_at__isnull=True).update(sent_at=now)
    )


def remind(reminder, site_settings, wording):
    page = reminder.opportunity
    token = reminder.private_link_token()
    link = page.get_full_url() + page.reverse_subpage("closing_reminder_status", args=(token,))
    closes = timezone.localtime(page.closes_at)
    values = {
        "opportunity": page.title,
        "closes": format_date(closes, "l j F \\a\\t g:i a"),
        "opportunity_url": page.get_full_url(),
        "organisation": site_settings.organisation_name,
        "link": link,
    }
    email = PersonalMessage(
        CLOSING_REMINDER.fill(wording.subject, values),
        CLOSING_REMINDER.fill(wording.body, values),
        private_link=link,
        token=token,
    )
    send_personal_email(reminder, email, site_settings.organisation_name)
    text = CLOSING_REMINDER_TEXT.fill(wording.text, {**values, "link": message_link(link, token)})
    send_personal_text(
        reminder,
        PersonalMessage("", text, private_link=link, token=token),
        site_settings.organisation_name,
        CLOSING_REMINDER_KIND,
    )


def send_closing_reminders(now=None):
    """Send every reminder whose opportunity closes within two days and is
    still open, once. Returns how many went. Safe to run twice at once: each
    reminder is claimed by one run before it is sent."""
    now = now or timezone.now()
    due = ClosingReminder.objects.filter(
        sent_at__isnull=True,
        opportunity__live=True,
        opportunity__closes_at__gt=now,
        opportunity__closes_at__lte=now + REMINDER_BEFORE,
    ).select_related("opportunity")
    site_settings = SiteSettings.load()
    wording = ClosingReminderMessages.load()
    sent = 0
    for reminder in due:
        with transaction.atomic():
            if _claim(reminder, now):
                remind(reminder, site_settings, wording)
                sent += 1
    return sent
