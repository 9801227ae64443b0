"""Benefit notes: thresholds, unknown figures, dated rules and the PW1 lead time.

The seeded rules come from the data migration, so these tests also prove the
2025/26 figures are in the database as the issue gives them.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from opportunities.benefit_notes import (
    MAY_AFFECT,
    NOT_AFFECTED,
    OVER_LIMIT,
    benefit_notes,
    rules_in_force,
)
from opportunities.models import BenefitRule
from opportunities.payment import PayTerms, work_out_pay

TODAY = date(2026, 1, 12)


def figures(amount, unit="hour", hours="2", sessions=1, **extra):
    return work_out_pay(
        PayTerms(
            amount=Decimal(amount) if amount is not None else None,
            unit=unit,
            hours_per_session=Decimal(hours) if hours else None,
            number_of_sessions=sessions,
            **extra,
        )
    )


def notes_by_benefit(pay, start_date=None, today=TODAY):
    rules = BenefitRule.objects.in_force(start_date or today)
    return {note.benefit: note for note in benefit_notes(rules, pay, start_date, today)}


@pytest.mark.django_db
def test_seeded_rules_hold_the_2025_26_figures():
    rules = {rule.benefit: rule for rule in BenefitRule.objects.in_force(date(2025, 6, 1))}
    assert set(rules) == {
        "esa",
        "carers_allowance",
        "universal_credit",
        "jsa",
        "income_support",
        "pip",
    }
    assert rules["esa"].weekly_earnings_limit == Decimal("195.50")
    assert rules["esa"].weekly_hours_limit == Decimal("16")
    assert rules["esa"].lead_time_weeks
    assert "PW1" in rules["esa"].lead_time_note
    assert rules["carers_allowance"].weekly_earnings_limit == Decimal("196.00")
    assert "55p" in rules["universal_credit"].note
    assert rules["universal_credit"].weekly_earnings_limit is None
    assert rules["jsa"].weekly_earnings_limit == Decimal("5.00")
    assert rules["income_support"].weekly_earnings_limit == Decimal("5.00")
    assert rules["pip"].affected_by_earnings is False
    # Before the first rule starts, nothing is claimed at all.
    assert BenefitRule.objects.in_force(date(2025, 4, 6)) == []


@pytest.mark.django_db
def test_every_note_says_may_and_none_is_advice():
    notes = notes_by_benefit(figures("15"))
    assert len(notes) == 6
    for note in notes.values():
        text = note.message.lower()
        assert "may" in text or "not affected" in text
        assert "get advice" in text or "check with an adviser" in text
        assert "you will lose" not in text and "you must" not in text


@pytest.mark.django_db
def test_esa_under_both_limits_still_may_affect():
    note = notes_by_benefit(figures("15", hours="2", sessions=1))[
        "Employment and Support Allowance (ESA)"
    ]
    assert note.level == MAY_AFFECT
    assert "£30" in note.message and "£195.50" in note.message


@pytest.mark.django_db
def test_esa_over_the_earnings_limit():
    # £200 a session, one session: £200 in a week, over £195.50.
    note = notes_by_benefit(figures("200", unit="session"))[
        "Employment and Support Allowance (ESA)"
    ]
    assert note.level == OVER_LIMIT
    assert "more than the £195.50 a week limit" in note.message


@pytest.mark.django_db
def test_esa_hours_must_be_under_sixteen():
    at_limit = notes_by_benefit(figures("5", hours="16"))["Employment and Support Allowance (ESA)"]
    under = notes_by_benefit(figures("5", hours="15.5"))["Employment and Support Allowance (ESA)"]
    assert at_limit.level == OVER_LIMIT
    assert "under 16 hours" in at_limit.message
    assert under.level == MAY_AFFECT


@pytest.mark.django_db
def test_carers_allowance_limit_is_inclusive_and_a_pound_over_is_over():
    at = notes_by_benefit(figures("196", unit="session"))["Carer's Allowance"]
    over = notes_by_benefit(figures("197", unit="session"))["Carer's Allowance"]
    assert at.level == MAY_AFFECT
    assert over.level == OVER_LIMIT
    assert "£196" in over.message


@pytest.mark.django_db
def test_small_earnings_disregards_for_jsa_and_income_support():
    notes = notes_by_benefit(figures("5", unit="session"))
    assert notes["Jobseeker's Allowance (JSA)"].level == MAY_AFFECT
    notes = notes_by_benefit(figures("6", unit="session"))
    assert notes["Jobseeker's Allowance (JSA)"].level == OVER_LIMIT
    assert notes["Income Support"].level == OVER_LIMIT


@pytest.mark.django_db
def test_universal_credit_has_no_limit_but_may_affect():
    note = notes_by_benefit(figures("500", unit="session"))["Universal Credit"]
    assert note.level == MAY_AFFECT
    assert "55p" in note.note


@pytest.mark.django_db
def test_pip_is_not_affected_by_earnings():
    note = notes_by_benefit(figures("500", unit="session"))["Personal Independence Payment (PIP)"]
    assert note.level == NOT_AFFECTED


@pytest.mark.django_db
def test_unknown_weekly_figures_are_treated_as_possibly_over():
    # An hourly rate with no hours: neither weekly pay nor hours can be worked out.
    note = notes_by_benefit(figures("15", hours=None))["Employment and Support Allowance (ESA)"]
    assert note.level == OVER_LIMIT
    assert "cannot work out the weekly pay" in note.message
    assert "weekly hours are not known" in note.message


@pytest.mark.django_db
def test_volunteering_is_not_earnings_but_still_says_get_advice():
    note = notes_by_benefit(figures(None, unit="none"))["Employment and Support Allowance (ESA)"]
    assert note.level == MAY_AFFECT
    assert "unpaid" in note.message and "get advice" in note.message


@pytest.mark.django_db
def test_pw1_warning_only_when_the_start_is_near():
    pay = figures("15")
    near = notes_by_benefit(pay, start_date=TODAY + timedelta(days=10))
    far = notes_by_benefit(pay, start_date=TODAY + timedelta(weeks=8))
    past = notes_by_benefit(pay, start_date=TODAY - timedelta(days=1))
    unknown = notes_by_benefit(pay, start_date=None)
    esa = "Employment and Support Allowance (ESA)"
    assert "PW1" in near[esa].lead_time_warning
    assert "22 January 2026" in near[esa].lead_time_warning
    assert far[esa].lead_time_warning == ""
    assert past[esa].lead_time_warning == ""
    assert unknown[esa].lead_time_warning == ""
    assert near["Carer's Allowance"].lead_time_warning == ""


@pytest.mark.django_db
def test_a_newer_rule_takes_over_from_its_date_and_older_pages_keep_the_old_one():
    BenefitRule.objects.create(
        benefit="esa",
        valid_from=date(2026, 4, 6),
        weekly_earnings_limit=Decimal("200.00"),
        weekly_hours_limit=Decimal("16"),
        note="2026/27 figures.",
    )
    pay = figures("198", unit="session")
    esa = "Employment and Support Allowance (ESA)"
    before = notes_by_benefit(pay, start_date=date(2026, 4, 5), today=date(2026, 4, 1))
    after = notes_by_benefit(pay, start_date=date(2026, 4, 6), today=date(2026, 4, 1))
    assert before[esa].level == OVER_LIMIT
    assert after[esa].level == MAY_AFFECT
    assert "£200 a week" in after[esa].message


def test_rules_in_force_picks_the_newest_started_rule_per_benefit():
    class Rule:
        def __init__(self, benefit, valid_from, sort_order=0):
            self.benefit, self.valid_from, self.sort_order = benefit, valid_from, sort_order

    old, new, future = (
        Rule("esa", date(2024, 4, 8)),
        Rule("esa", date(2025, 4, 7)),
        Rule("esa", date(2026, 4, 6)),
    )
    assert rules_in_force([future, old, new], date(2025, 12, 1)) == [new]
    assert rules_in_force([future, old, new], date(2024, 1, 1)) == []
