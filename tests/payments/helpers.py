"""Helpers for the payments tests: a partner's opportunity with dated sessions,
selected people and their payments."""

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from opportunities.models import OpportunitySession
from partners.models import PartnerPage
from payments.models import Payment
from tests.ladder.invitation_helpers import make_partner
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest


def past_opportunity(home_page, partner=None, sessions_ago=(40, 30), **fields):
    """A closed opportunity, paid within 14 days, whose sessions were days ago."""
    partner = partner or PartnerPage.objects.first() or make_partner(home_page)
    page = make_opportunity(
        make_board(home_page),
        partner=partner,
        paid_within_days=14,
        closes_at=timezone.now() - timedelta(days=max(sessions_ago) + 10),
        **fields,
    )
    today = timezone.localdate()
    for days in sessions_ago:
        OpportunitySession.objects.create(page=page, date=today - timedelta(days=days))
    return page


def selected(page, count=1, **fields):
    fields.setdefault("status", "selected")
    return [make_interest(page, **fields)[0] for _ in range(count)]


def payment(record, amount="40.00", **fields):
    return Payment.objects.create(interest=record, amount_due=Decimal(amount), **fields)


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def on(year, month, day):
    return date(year, month, day)
