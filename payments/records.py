"""Each partner's record from the database (the rules are in
``payments.partner_record``), and the figures kept for purged periods."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from django.utils import timezone

from opportunities.choices import InterestStatus
from opportunities.models.interest import ExpressionOfInterest
from opportunities.models.opportunity import OpportunityPage
from payments.kept_records import record_from_json
from payments.models.feedback import QUESTIONS, Feedback
from payments.models.figures import KeptPartnerFigures
from payments.models.payment import Payment
from payments.partner_record import (
    QUARTER,
    AnswerRow,
    OpportunityRow,
    PaymentRow,
    build_records,
)


def load_rows(partner: Any = None):
    """(payment rows, answer rows, opportunity rows) of every partner, or one."""
    payments = Payment.objects.for_rules().exclude(interest__opportunity__partner=None)
    feedback = Feedback.objects.select_related("interest__opportunity__partner").exclude(
        interest__opportunity__partner=None
    )
    opportunities = OpportunityPage.objects.live().exclude(partner=None)
    if partner is not None:
        payments = payments.filter(interest__opportunity__partner=partner)
        feedback = feedback.filter(interest__opportunity__partner=partner)
        opportunities = opportunities.filter(partner=partner)
    opportunities = list(opportunities.select_related("partner"))
    selected = defaultdict(set)
    for page_id, person in ExpressionOfInterest.objects.filter(
        status=InterestStatus.SELECTED, opportunity__in=[page.pk for page in opportunities]
    ).values_list("opportunity_id", "pk"):
        selected[page_id].add(person)
    # Partners compare by their primary key, so rows from different queries group together.
    payment_rows = [
        PaymentRow(row.interest.opportunity.partner, row.interest_id, row.facts) for row in payments
    ]
    answer_rows = [
        AnswerRow(
            row.interest.opportunity.partner,
            row.interest_id,
            timezone.localdate(row.asked_at),
            answers_of(row),
        )
        for row in feedback
    ]
    opportunity_rows = [
        OpportunityRow(
            page.partner,
            timezone.localdate(page.closes_at),
            page.has_outcome,
            frozenset(selected[page.pk]),
        )
        for page in opportunities
        if page.closes_at is not None
    ]
    return payment_rows, answer_rows, opportunity_rows


def partner_records(kind: str = QUARTER, partner: Any = None, today: date | None = None):
    """Every partner's record (or one partner's) for each period of ``kind``:
    worked out from the records, except for periods whose records were purged,
    which show the figures kept just before (``payments.retention``)."""
    today = today or timezone.localdate()
    live = build_records(*load_rows(partner), kind, today)
    kept = KeptPartnerFigures.objects.filter(kind=kind).select_related("partner")
    if partner is not None:
        kept = kept.filter(partner=partner)
    kept_records = {
        (figures.partner_id, figures.period): record_from_json(
            figures.partner, figures.period, figures.figures
        )
        for figures in kept
    }
    records = [r for r in live if (r.partner.pk, r.period) not in kept_records]
    records += kept_records.values()
    return sorted(records, key=lambda record: (str(record.partner), record.period))


def answers_of(feedback: Feedback) -> dict[str, str] | None:
    if not feedback.answered or not feedback.consent:
        return None
    return {name: getattr(feedback, name) for name, _, _ in QUESTIONS}
