"""Payments and participants' answers, declared to the privacy registry.

- Payments rest on contract (we pay people for their time): each says who
  took part in what, so it is personal data, shown only to the Personal data
  group.
- Answers about an opportunity for people with a given experience reveal that
  experience: special-category data, kept only with the person's explicit
  consent (the box on the answer page).

Both go with the person's expression of interest, the retention period
after the opportunity closed; only each partner's per-period figures built
from at least 5 people outlive them (``payments.partner_record``; see
docs/privacy.md for why those are no longer personal data).
"""

from __future__ import annotations

from django.db.models import QuerySet

from opportunities.privacy import interest_from
from payments.models.feedback import Feedback
from payments.models.payment import Payment
from privacy.contacts import Contact
from privacy.registry import (
    DELETE_RECORD,
    Declaration,
    PersonalDataSource,
    PurgeClock,
    RetentionRule,
    every_stored_value,
)


def payments_of(contact: Contact) -> list[Payment]:
    people = [record.pk for record in interest_from(contact)]
    return list(Payment.objects.filter(interest_id__in=people).order_by("created_at"))


def feedback_of(contact: Contact) -> list[Feedback]:
    people = [record.pk for record in interest_from(contact)]
    return list(Feedback.objects.filter(interest_id__in=people))


def payments_past_retention(clock: PurgeClock) -> QuerySet[Payment]:
    return Payment.objects.filter(interest__opportunity__closes_at__lt=clock.cutoff)


def feedback_past_retention(clock: PurgeClock) -> QuerySet[Feedback]:
    return Feedback.objects.filter(interest__opportunity__closes_at__lt=clock.cutoff)


PAYMENTS = PersonalDataSource(
    label="Payment to a participant",
    model=Payment,
    personal_fields=("interest", "amount_due", "receipt_date", "paid_on", "paid_how"),
    find=payments_of,
    export=every_stored_value,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when="the retention period (Site settings) after the opportunity closed",
        what="payment records",
        expired=payments_past_retention,
    ),
)

FEEDBACK = PersonalDataSource(
    label="What a participant said afterwards",
    model=Feedback,
    personal_fields=(
        "interest",
        "been_paid",
        "expenses_on_time",
        "as_described",
        "listened_to",
        "told_what_changed",
        "comment",
    ),
    find=feedback_of,
    export=every_stored_value,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when="the retention period (Site settings) after the opportunity closed",
        what="participants' answers",
        expired=feedback_past_retention,
    ),
)


def personal_data_sources() -> list[Declaration]:
    return [PAYMENTS, FEEDBACK]
