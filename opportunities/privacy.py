"""Expressions of interest, declared to the privacy registry.

Special-category data (interest in an opportunity for people with a given
experience reveals it), so the whole record is personal and goes, with its
private-link hash and its labels in Wagtail's audit log, the retention period
after its opportunity closed.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from opportunities.models.alerts import SearchAlert
from opportunities.models.closing_reminders import ClosingReminder
from opportunities.models.interest import ExpressionOfInterest
from privacy.contacts import Contact, normalise_phone
from privacy.registry import (
    DELETE_RECORD,
    Declaration,
    PersonalDataSource,
    PurgeClock,
    RetentionRule,
)

# What a subject-access answer shows of each record.
EXPORTED_FIELDS = (
    "reference",
    "opportunity_title",
    "created_at",
    "status",
    "name",
    "on_behalf_of_name",
    "contact_email",
    "email_ok",
    "email_safe",
    "contact_phone",
    "text_ok",
    "text_safe",
    "call_ok",
    "call_safe",
    "support_worker",
    "support_worker_ok",
    "support_worker_safe",
    "access_needs",
    "anything_else",
    "consent",
    "wants_outcome",
    "editor_note",
    "message_sent_for",
    "message_sent_at",
    "outcome_notice_sent_at",
)


def interest_from(contact: Contact) -> list[ExpressionOfInterest]:
    """Records holding this email address or phone number, however typed
    (emails in any case, phone numbers by their digits)."""
    query = Q(pk__in=[])
    if contact.email:
        query |= Q(contact_email__iexact=contact.email)
    if contact.phone_digits:
        # Phone numbers are compared by their digits, so read those that have one.
        query |= ~Q(contact_phone="")
    email = contact.email.lower()
    return [
        record
        for record in ExpressionOfInterest.objects.filter(query).order_by("created_at")
        if (email and record.contact_email.lower() == email)
        or (contact.phone_digits and normalise_phone(record.contact_phone) == contact.phone_digits)
    ]


def export_interest(record: ExpressionOfInterest) -> dict[str, object]:
    return {name: getattr(record, name) for name in EXPORTED_FIELDS}


def interest_past_retention(clock: PurgeClock) -> QuerySet[ExpressionOfInterest]:
    return ExpressionOfInterest.objects.filter(opportunity__closes_at__lt=clock.cutoff)


EXPRESSIONS_OF_INTEREST = PersonalDataSource(
    label="Expression of interest",
    model=ExpressionOfInterest,
    personal_fields=(
        "name",
        "on_behalf_of_name",
        "contact_email",
        "contact_phone",
        "support_worker",
        "contact_key",
        "access_needs",
        "anything_else",
        "editor_note",
    ),
    find=interest_from,
    export=export_interest,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when="the retention period (Site settings) after the opportunity closed",
        what="expressions of interest",
        expired=interest_past_retention,
    ),
)


def reminders_from(contact: Contact) -> list[ClosingReminder]:
    """Closing reminders holding this email address or phone number."""
    email = contact.email.lower()
    return [
        reminder
        for reminder in ClosingReminder.objects.select_related("opportunity").order_by("pk")
        if (email and reminder.contact_email.lower() == email)
        or (
            contact.phone_digits and normalise_phone(reminder.contact_phone) == contact.phone_digits
        )
    ]


def export_reminder(reminder: ClosingReminder) -> dict[str, object]:
    return {
        "reference": reminder.reference,
        "opportunity": reminder.opportunity.title,
        "created_at": reminder.created_at,
        "sent_at": reminder.sent_at,
        "contact_email": reminder.contact_email,
        "email_ok": reminder.email_ok,
        "email_safe": reminder.email_safe,
        "contact_phone": reminder.contact_phone,
        "text_ok": reminder.text_ok,
        "text_safe": reminder.text_safe,
    }


def reminders_past_retention(clock: PurgeClock) -> QuerySet[ClosingReminder]:
    # Nothing to remind anyone of once the opportunity has closed.
    return ClosingReminder.objects.filter(
        Q(opportunity__closes_at__lt=clock.now) | Q(opportunity__closes_at__isnull=True)
    )


CLOSING_REMINDERS = PersonalDataSource(
    label="Closing reminder",
    model=ClosingReminder,
    personal_fields=("contact_email", "contact_phone", "support_worker", "contact_key"),
    find=reminders_from,
    export=export_reminder,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when="when the opportunity closes (and when they say they are interested in it)",
        what="closing reminders",
        expired=reminders_past_retention,
    ),
)


def alerts_from(contact: Contact) -> list[SearchAlert]:
    """Search alerts holding this email address or phone number."""
    email = contact.email.lower()
    return [
        alert
        for alert in SearchAlert.objects.order_by("pk")
        if (email and alert.contact_email.lower() == email)
        or (contact.phone_digits and normalise_phone(alert.contact_phone) == contact.phone_digits)
    ]


def export_alert(alert: SearchAlert) -> dict[str, object]:
    return {
        "reference": alert.reference,
        "search": alert.query,
        "frequency": alert.frequency,
        "created_at": alert.created_at,
        "confirmed_at": alert.confirmed_at,
        "renewed_at": alert.renewed_at,
        "contact_email": alert.contact_email,
        "email_ok": alert.email_ok,
        "email_safe": alert.email_safe,
        "contact_phone": alert.contact_phone,
        "text_ok": alert.text_ok,
        "text_safe": alert.text_safe,
        "told_about": [sent.opportunity.title for sent in alert.sent.select_related("opportunity")],
    }


SEARCH_ALERTS = PersonalDataSource(
    label="Search alert",
    model=SearchAlert,
    personal_fields=("contact_email", "contact_phone", "support_worker", "contact_key", "query"),
    find=alerts_from,
    export=export_alert,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when="7 days if never confirmed; 12 months after confirming or renewing",
        what="search alerts",
        expired=lambda clock: SearchAlert.objects.past_retention(clock.now),
    ),
)


def personal_data_sources() -> list[Declaration]:
    return [EXPRESSIONS_OF_INTEREST, CLOSING_REMINDERS, SEARCH_ALERTS]
