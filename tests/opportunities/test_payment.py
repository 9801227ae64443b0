"""Pay derivations: units, fixed fees, unknown hours, weeks and rounding."""

from datetime import date
from decimal import Decimal

import pytest

from opportunities.payment import (
    PayTerms,
    commitment_weeks,
    format_pence,
    pay_summary,
    to_pence,
    work_out_pay,
)


def terms(amount, unit, hours=None, sessions=None, **extra):
    return PayTerms(
        amount=Decimal(amount) if amount is not None else None,
        unit=unit,
        hours_per_session=Decimal(hours) if hours is not None else None,
        number_of_sessions=sessions,
        **extra,
    )


def test_hourly_rate_is_its_own_hourly_equivalent_and_totals_all_hours():
    figures = work_out_pay(terms("13.45", "hour", hours="2.5", sessions=4, frequency="weekly"))
    assert figures.hourly_pence == 1345
    assert figures.total_pence == 13450  # 13.45 x 2.5 x 4
    assert figures.weeks == 4
    assert figures.sessions_per_week == 1
    assert figures.weekly_hours == Decimal("2.5")
    assert figures.weekly_pence == 3363  # 33.625 rounded half up


def test_session_rate_divides_by_hours_in_a_session():
    figures = work_out_pay(terms("40", "session", hours="3", sessions=2))
    assert figures.hourly_pence == 1333
    assert figures.total_pence == 8000
    # No dates and one-off: both sessions fall in one week (the cautious reading).
    assert figures.weeks == 1
    assert figures.weekly_pence == 8000
    assert figures.weekly_hours == Decimal("6")


def test_day_rate_reads_hours_per_session_as_the_length_of_the_day():
    figures = work_out_pay(terms("110", "day", hours="5.5", sessions=3, frequency="fortnightly"))
    assert figures.hourly_pence == 2000
    assert figures.total_pence == 33000
    assert figures.weeks == 6
    assert figures.weekly_pence == 11000


def test_fixed_fee_is_spread_over_the_weeks_of_the_commitment():
    figures = work_out_pay(
        terms(
            "2400",
            "fixed",
            hours="6",
            sessions=20,
            start_date=date(2026, 1, 5),
            end_date=date(2026, 5, 24),  # 140 days: 20 weeks exactly
        )
    )
    assert figures.weeks == 20
    assert figures.total_pence == 240000
    assert figures.hourly_pence == 2000  # 2400 / 120 hours
    assert figures.weekly_pence == 12000  # spread evenly, not the busiest week
    assert figures.weekly_hours == Decimal("6")


def test_fixed_fee_without_all_the_hours_has_no_hourly_equivalent():
    no_sessions = work_out_pay(terms("200", "fixed", hours="2"))
    no_hours = work_out_pay(terms("200", "fixed", sessions=3))
    assert no_sessions.hourly_pence is None
    assert no_hours.hourly_pence is None
    assert no_hours.total_pence == 20000
    assert no_hours.weekly_pence == 20000  # one week when nothing says otherwise


def test_unknown_hours_leave_hourly_and_weekly_hours_unknown():
    session = work_out_pay(terms("30", "session", sessions=4, frequency="weekly"))
    assert session.hourly_pence is None
    assert session.weekly_hours is None
    assert session.total_pence == 12000
    assert session.weekly_pence == 3000  # one session a week

    hourly = work_out_pay(terms("15", "hour"))
    assert hourly.hourly_pence == 1500
    assert hourly.total_pence is None
    assert hourly.weekly_pence is None  # an hourly rate needs the hours for a weekly figure


def test_volunteering_is_zero_pay_not_unknown():
    figures = work_out_pay(terms(None, "none", hours="2", frequency="weekly"))
    assert figures.volunteering
    assert figures.hourly_pence == 0
    assert figures.total_pence == 0
    assert figures.weekly_pence == 0
    assert figures.weekly_hours == Decimal("2")


def test_missing_amount_is_unknown_not_zero():
    figures = work_out_pay(terms(None, "hour", hours="2"))
    assert figures.hourly_pence is None
    assert not figures.volunteering


@pytest.mark.parametrize(
    ("extra", "weeks"),
    [
        ({"start_date": date(2026, 3, 2), "end_date": date(2026, 3, 2)}, 1),
        ({"start_date": date(2026, 3, 2), "end_date": date(2026, 3, 8)}, 1),
        ({"start_date": date(2026, 3, 2), "end_date": date(2026, 3, 9)}, 2),
        ({"start_date": date(2026, 3, 9), "end_date": date(2026, 3, 2)}, 1),  # reversed
        ({"frequency": "weekly", "number_of_sessions": 6}, 6),
        ({"frequency": "fortnightly", "number_of_sessions": 3}, 6),
        ({"frequency": "monthly", "number_of_sessions": 3}, 13),
        ({"frequency": "one-off", "number_of_sessions": 3}, 1),
        ({"frequency": "flexible", "number_of_sessions": 10}, 1),
        ({}, 1),
    ],
)
def test_weeks_of_the_commitment(extra, weeks):
    assert commitment_weeks(PayTerms(amount=Decimal(1), unit="hour", **extra)) == weeks


def test_busiest_week_rounds_sessions_per_week_up():
    figures = work_out_pay(
        terms(
            "20",
            "hour",
            hours="4",
            sessions=5,
            start_date=date(2026, 3, 2),
            end_date=date(2026, 3, 15),  # two weeks, five sessions: three in one week
        )
    )
    assert figures.sessions_per_week == 3
    assert figures.weekly_hours == Decimal("12")
    assert figures.weekly_pence == 24000


def test_pence_round_half_up_and_format():
    assert to_pence(Decimal("13.445")) == 1345
    assert to_pence(Decimal("0.005")) == 1
    assert format_pence(1345) == "£13.45"
    assert format_pence(2000) == "£20"
    assert format_pence(240000) == "£2,400"
    assert format_pence(None) == ""


@pytest.mark.parametrize(
    ("pay_terms", "line"),
    [
        (terms("15", "hour", hours="2", sessions=3), "£15 per hour, £90 in all"),
        (terms("15", "hour"), "£15 per hour"),
        (
            terms("25", "session", hours="2", sessions=4),
            "£25 per session (about £12.50 an hour), £100 in all",
        ),
        (terms("110", "day", hours="5.5", sessions=1), "£110 per day (about £20 an hour)"),
        (terms("200", "fixed", hours="2", sessions=4), "£200 fixed fee (about £25 an hour)"),
        (terms("200", "fixed"), "£200 fixed fee"),
        (terms(None, "none"), "Volunteering: no payment (expenses may be covered)"),
        (terms(None, "hour"), "Payment to be confirmed"),
    ],
)
def test_one_line_pay_summary(pay_terms, line):
    assert pay_summary(pay_terms) == line
