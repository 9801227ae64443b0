"""Expressions of interest, declared to the privacy registry.

Special-category data (interest in an opportunity for people with a given
experience reveals it), so the whole record is personal and goes, with its
private-link hash and its labels in Wagtail's audit log, the retention period
after its opportunity closed.
"""

from __future__ import annotations

from django.db.models import QuerySet

from opportunities.choices import ContactMethod
from opportunities.models.interest import ExpressionOfInterest, contact_key
from privacy.contacts import Contact
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
    "contact_method",
    "contact_detail",
    "safe_to_leave_message",
    "access_needs",
    "anything_else",
    "consent",
    "wants_outcome",
    "editor_note",
    "message_sent_for",
    "message_sent_at",
    "outcome_notice_sent_at",
)


def interest_from(contact: Contact) -> QuerySet[ExpressionOfInterest]:
    """Records whose contact detail is this email or phone number, however typed."""
    keys = []
    if contact.email:
        keys.append(contact_key(ContactMethod.EMAIL, contact.email))
    if contact.phone:
        keys.append(contact_key(ContactMethod.PHONE, contact.phone))
    return ExpressionOfInterest.objects.filter(contact_key__in=keys).order_by("created_at")


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
        "contact_detail",
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


def personal_data_sources() -> list[Declaration]:
    return [EXPRESSIONS_OF_INTEREST]
