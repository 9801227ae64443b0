"""What an opportunity pays, worked out from its own fields (the benefit
notes that may apply to it are in ``opportunities.benefit_notes``).

Everything here is plain Python over plain values, so the rules can be read
and tested without a database. ``OpportunityPage.save`` stores the results
that listings filter and sort on (hourly pay in pence, weekly hours), which
keeps them consistent when an older revision is published.

The rules
---------
*Hours.* Hours are "known" when the page gives hours per session. A day rate
is read the same way: "hours per session" is the length of the day.

*Hourly equivalent* (in whole pence, rounded half up):

- per hour: the amount;
- per session or per day: the amount divided by the hours in one session;
- fixed fee: the amount divided by all the hours (hours per session times
  the number of sessions); unknown if either is missing;
- no payment (volunteering): zero.

It is ``None`` when the hours are unknown. The listing's minimum-pay filter
leaves those out, because we cannot say they meet the minimum.

*Total* for the whole commitment: per hour, the amount times all the hours;
per session or per day, the amount times the number of sessions; a fixed fee
is its own total; unknown when a number it needs is missing.

*Weeks of the commitment*: from the start date to the end date inclusive,
in whole weeks rounded up (one week at least). Without both dates, from the
frequency and number of sessions (weekly: one week per session; fortnightly:
two; monthly: four and a third, rounded up). Otherwise one week, the
cautious reading for weekly benefit limits because it gives the highest
weekly figure.

*Dated sessions*, when the page has them, decide instead of the fields
above: the number of sessions is how many there are; all the hours are the
sum of their hours (unknown if any one is unknown); the weeks run from the
first date to the last; the busiest week is the calendar week (Monday to
Sunday) with the most hours (or sessions, when hours are unknown). A
session or day rate's hourly equivalent is then the pay for every session
divided by all the hours, as sessions may differ in length.

*Weekly pay and hours* describe the busiest week, because benefit limits
are weekly: sessions per week are the number of sessions divided by the
weeks, rounded up (one when the number of sessions is unknown). Weekly hours
are hours per session times sessions per week. Weekly pay is the pay for
those sessions, except that a **fixed fee is spread evenly over the weeks of
the commitment** (the issue's rule). Unknown hours make weekly hours
unknown, and weekly pay too for hourly rates.
"""

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

PER_HOUR = "hour"
PER_SESSION = "session"
PER_DAY = "day"
FIXED_FEE = "fixed"
NO_PAYMENT = "none"

PAY_UNIT_CHOICES = [
    (PER_HOUR, "per hour"),
    (PER_SESSION, "per session"),
    (PER_DAY, "per day"),
    (FIXED_FEE, "fixed fee for the whole thing"),
    (NO_PAYMENT, "no payment (volunteering)"),
]

ONE_OFF = "one-off"
WEEKLY = "weekly"
FORTNIGHTLY = "fortnightly"
MONTHLY = "monthly"
FLEXIBLE = "flexible"

FREQUENCY_CHOICES = [
    (ONE_OFF, "one-off"),
    (WEEKLY, "weekly"),
    (FORTNIGHTLY, "every two weeks"),
    (MONTHLY, "monthly"),
    (FLEXIBLE, "flexible, to suit you"),
]

WEEKS_PER_SESSION = {WEEKLY: Decimal(1), FORTNIGHTLY: Decimal(2), MONTHLY: Decimal(52) / 12}


def to_pence(pounds: Decimal | int | str) -> int:
    """Whole pence from a Decimal of pounds, rounded half up."""
    return int((Decimal(pounds) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_pence(pence: int | None) -> str:
    """£13.45, or £20 for whole pounds; '' for unknown."""
    if pence is None:
        return ""
    pounds, rest = divmod(int(pence), 100)
    return f"£{pounds:,}" if rest == 0 else f"£{pounds:,}.{rest:02d}"


def format_hours(hours: Decimal | int | None) -> str:
    if hours is None:
        return ""
    hours = Decimal(hours).normalize()
    text = f"{hours:f}"
    return f"{text} hour" if hours == 1 else f"{text} hours"


@dataclass(frozen=True)
class SessionTime:
    """What the pay rules read of one dated session: its date and hours (None: unknown)."""

    date: date
    hours: Decimal | None


@dataclass(frozen=True)
class PayTerms:
    """The page's own fields that decide pay (amounts in pounds)."""

    amount: Decimal | None
    unit: str
    hours_per_session: Decimal | None = None
    number_of_sessions: int | None = None
    frequency: str = ""
    start_date: date | None = None
    end_date: date | None = None
    # Dated sessions, when the page has them (they decide over the fields above).
    sessions: tuple[SessionTime, ...] = ()


@dataclass(frozen=True)
class PayFigures:
    """What :func:`work_out_pay` derives; ``None`` means unknown."""

    hourly_pence: int | None
    total_pence: int | None
    weekly_pence: int | None
    weekly_hours: Decimal | None
    weeks: int
    sessions_per_week: int
    volunteering: bool = False
    notes: list[str] = field(default_factory=list)


def commitment_weeks(terms: PayTerms) -> int:
    """Weeks the commitment spans (see the module docstring)."""
    if terms.start_date and terms.end_date and terms.end_date >= terms.start_date:
        days = (terms.end_date - terms.start_date).days + 1
        return max(1, math.ceil(days / 7))
    per_session = WEEKS_PER_SESSION.get(terms.frequency)
    if per_session and terms.number_of_sessions:
        return max(1, math.ceil(per_session * terms.number_of_sessions))
    return 1


def busiest_week(dated: tuple[SessionTime, ...]) -> tuple[int, Decimal | None]:
    """Sessions and hours in the calendar week with the most hours (or sessions)."""
    weeks: dict[tuple[int, int], list[Decimal | None]] = {}
    for session in dated:
        weeks.setdefault(session.date.isocalendar()[:2], []).append(session.hours)
    known = all(hours is not None for hours in (s.hours for s in dated))

    def weight(hours_list: list[Decimal | None]) -> Decimal:
        return (
            sum((h or Decimal(0) for h in hours_list), Decimal(0))
            if known
            else Decimal(len(hours_list))
        )

    busiest = max(weeks.values(), key=weight)
    return len(busiest), (weight(busiest) if known else None)


def work_out_pay(terms: PayTerms) -> PayFigures:
    """Hourly equivalent, total, weekly pay and weekly hours for ``terms``."""
    hours = terms.hours_per_session if terms.hours_per_session else None
    if terms.sessions:
        dated = tuple(sorted(terms.sessions, key=lambda session: session.date))
        days = (dated[-1].date - dated[0].date).days + 1
        weeks = max(1, math.ceil(days / 7))
        sessions: int | None = len(dated)
        sessions_per_week, weekly_hours = busiest_week(dated)
        known_hours = [session.hours for session in dated if session.hours is not None]
        all_hours = sum(known_hours, Decimal(0)) if len(known_hours) == len(dated) else None
        # Sessions may differ in length: a session's hours are its share of all of them.
        hours = all_hours / len(dated) if all_hours else None
    else:
        weeks = commitment_weeks(terms)
        sessions = terms.number_of_sessions or None
        sessions_per_week = math.ceil(sessions / weeks) if sessions else 1
        weekly_hours = hours * sessions_per_week if hours is not None else None
        all_hours = hours * sessions if hours is not None and sessions else None

    if terms.unit == NO_PAYMENT or terms.amount is None:
        volunteering = terms.unit == NO_PAYMENT
        zero = 0 if volunteering else None
        return PayFigures(
            hourly_pence=zero,
            total_pence=zero,
            weekly_pence=zero,
            weekly_hours=weekly_hours,
            weeks=weeks,
            sessions_per_week=sessions_per_week,
            volunteering=volunteering,
        )

    amount = Decimal(terms.amount)
    hourly: Decimal | None
    total: Decimal | None
    weekly: Decimal | None
    hourly = total = weekly = None
    if terms.unit == PER_HOUR:
        hourly = amount
        total = amount * all_hours if all_hours is not None else None
        weekly = amount * weekly_hours if weekly_hours is not None else None
    elif terms.unit in (PER_SESSION, PER_DAY):
        hourly = amount / hours if hours is not None else None
        total = amount * sessions if sessions else None
        weekly = amount * sessions_per_week
    elif terms.unit == FIXED_FEE:
        hourly = amount / all_hours if all_hours else None
        total = amount
        weekly = amount / weeks

    def pence(value: Decimal | None) -> int | None:
        return to_pence(value) if value is not None else None

    return PayFigures(
        hourly_pence=pence(hourly),
        total_pence=pence(total),
        weekly_pence=pence(weekly),
        weekly_hours=weekly_hours,
        weeks=weeks,
        sessions_per_week=sessions_per_week,
    )


def pay_summary(terms: PayTerms, figures: PayFigures | None = None) -> str:
    """One line for a listing card, for example
    '£25 per session (about £12.50 an hour), 4 sessions'."""
    figures = figures or work_out_pay(terms)
    if terms.unit == NO_PAYMENT:
        return "Volunteering: no payment (expenses may be covered)"
    if terms.amount is None:
        return "Payment to be confirmed"
    unit_words = dict(PAY_UNIT_CHOICES)[terms.unit]
    if terms.unit == FIXED_FEE:
        unit_words = "fixed fee"
    line = f"{format_pence(to_pence(terms.amount))} {unit_words}"
    if terms.unit != PER_HOUR and figures.hourly_pence is not None:
        line += f" (about {format_pence(figures.hourly_pence)} an hour)"
    number_of_sessions = len(terms.sessions) or terms.number_of_sessions
    if terms.unit in (PER_SESSION, PER_DAY) and number_of_sessions:
        if number_of_sessions > 1 and figures.total_pence is not None:
            line += f", {format_pence(figures.total_pence)} in all"
    elif terms.unit == PER_HOUR and figures.total_pence is not None:
        line += f", {format_pence(figures.total_pence)} in all"
    return line
