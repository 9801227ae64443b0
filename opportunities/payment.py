"""What an opportunity pays, worked out from its own fields, and the benefit
notes that may apply to it.

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

*Weekly pay and hours* describe the busiest week, because benefit limits
are weekly: sessions per week are the number of sessions divided by the
weeks, rounded up (one when the number of sessions is unknown). Weekly hours
are hours per session times sessions per week. Weekly pay is the pay for
those sessions, except that a **fixed fee is spread evenly over the weeks of
the commitment** (the issue's rule). Unknown hours make weekly hours
unknown, and weekly pay too for hourly rates.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol, TypeVar

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
class PayTerms:
    """The page's own fields that decide pay (amounts in pounds)."""

    amount: Decimal | None
    unit: str
    hours_per_session: Decimal | None = None
    number_of_sessions: int | None = None
    frequency: str = ""
    start_date: date | None = None
    end_date: date | None = None


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


def work_out_pay(terms: PayTerms) -> PayFigures:
    """Hourly equivalent, total, weekly pay and weekly hours for ``terms``."""
    weeks = commitment_weeks(terms)
    sessions = terms.number_of_sessions or None
    hours = terms.hours_per_session if terms.hours_per_session else None
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
    if terms.unit in (PER_SESSION, PER_DAY) and terms.number_of_sessions:
        if terms.number_of_sessions > 1 and figures.total_pence is not None:
            line += f", {format_pence(figures.total_pence)} in all"
    elif terms.unit == PER_HOUR and figures.total_pence is not None:
        line += f", {format_pence(figures.total_pence)} in all"
    return line


# Benefit notes ---------------------------------------------------------------

MAY_AFFECT = "may affect"
OVER_LIMIT = "over a limit"
NOT_AFFECTED = "not affected by earnings"


@dataclass(frozen=True)
class BenefitNote:
    """One benefit's note for one opportunity: what *may* apply, never advice."""

    benefit: str
    level: str
    message: str
    note: str
    link: str = ""
    lead_time_warning: str = ""
    what_counts: str = ""


class DatedRule(Protocol):
    """What :func:`rules_in_force` reads of a rule (``BenefitRule`` has it)."""

    @property
    def benefit(self) -> str: ...
    @property
    def valid_from(self) -> date: ...
    @property
    def sort_order(self) -> int: ...


class BenefitRuleTerms(Protocol):
    """What :func:`benefit_notes` reads of a rule (``BenefitRule`` has it);
    ``short_name`` and ``what_counts`` are read when present."""

    @property
    def benefit_name(self) -> str: ...
    @property
    def affected_by_earnings(self) -> bool: ...
    @property
    def weekly_earnings_limit(self) -> Decimal | int | None: ...
    @property
    def weekly_hours_limit(self) -> Decimal | int | None: ...
    @property
    def note(self) -> str: ...
    @property
    def link(self) -> str: ...
    @property
    def lead_time_weeks(self) -> int | None: ...
    @property
    def lead_time_note(self) -> str: ...


Rule = TypeVar("Rule", bound=DatedRule)


def rules_in_force(rules: Iterable[Rule], on_date: date) -> list[Rule]:
    """For each benefit, the newest rule whose ``valid_from`` is on or before
    ``on_date`` (rules starting later are ignored; so are benefits with no
    rule yet). Works on any objects with ``benefit`` and ``valid_from``."""
    chosen: dict[str, Rule] = {}
    for rule in rules:
        if rule.valid_from > on_date:
            continue
        current = chosen.get(rule.benefit)
        if current is None or rule.valid_from > current.valid_from:
            chosen[rule.benefit] = rule
    return sorted(chosen.values(), key=lambda rule: (rule.sort_order, rule.benefit))


def benefit_notes(
    rules: Iterable[BenefitRuleTerms],
    figures: PayFigures,
    start_date: date | None = None,
    today: date | None = None,
) -> list[BenefitNote]:
    """The notes that may apply to an opportunity with pay ``figures``.

    ``rules`` are the rules in force (see :func:`rules_in_force`), each with
    ``benefit_name``, ``affected_by_earnings``, ``weekly_earnings_limit``
    (pounds, or None), ``weekly_hours_limit`` (the weekly hours must be
    *under* it, as for ESA Permitted Work), ``note``, ``link``,
    ``lead_time_weeks`` and ``lead_time_note``.

    Every note says the opportunity *may* affect the benefit: comparing the
    weekly figures with a limit only decides how strongly it is worded, and
    an unknown figure is treated as possibly over the limit. A lead-time
    warning is added when the start date is within the rule's lead time
    from ``today`` (or unknown).
    """
    today = today or date.today()
    notes: list[BenefitNote] = []
    for rule in rules:
        name = getattr(rule, "short_name", "") or rule.benefit_name
        lead_warning = ""
        soon = today + timedelta(weeks=rule.lead_time_weeks or 0)
        if rule.lead_time_weeks and start_date is not None and today <= start_date <= soon:
            lead_warning = (
                f"This starts on {start_date:%-d %B %Y}, less than "
                f"{rule.lead_time_weeks} weeks away. {rule.lead_time_note}"
            ).strip()

        if not rule.affected_by_earnings:
            notes.append(
                BenefitNote(
                    benefit=rule.benefit_name,
                    level=NOT_AFFECTED,
                    message=f"{name} is not affected by earnings, but check with an adviser.",
                    note=rule.note,
                    link=rule.link,
                    what_counts=getattr(rule, "what_counts", ""),
                )
            )
            continue

        if figures.volunteering:
            message = (
                f"This is unpaid, so it should not count as earnings for {name}. "
                "Volunteering may still need to be reported — get advice."
            )
            notes.append(
                BenefitNote(
                    benefit=rule.benefit_name,
                    level=MAY_AFFECT,
                    message=message,
                    note=rule.note,
                    link=rule.link,
                    lead_time_warning=lead_warning,
                    what_counts=getattr(rule, "what_counts", ""),
                )
            )
            continue

        reasons: list[str] = []
        over = False
        if rule.weekly_earnings_limit is not None:
            limit = to_pence(rule.weekly_earnings_limit)
            if figures.weekly_pence is None:
                over = True
                reasons.append(
                    f"we cannot work out the weekly pay to compare with the "
                    f"{format_pence(limit)} a week limit"
                )
            elif figures.weekly_pence > limit:
                over = True
                reasons.append(
                    f"it pays about {format_pence(figures.weekly_pence)} in its busiest week, "
                    f"more than the {format_pence(limit)} a week limit"
                )
            else:
                reasons.append(
                    f"it pays about {format_pence(figures.weekly_pence)} in its busiest week; "
                    f"the limit is {format_pence(limit)} a week"
                )
        if rule.weekly_hours_limit is not None:
            limit_hours = Decimal(rule.weekly_hours_limit)
            if figures.weekly_hours is None:
                over = True
                reasons.append(
                    f"the weekly hours are not known (they must be under {format_hours(limit_hours)})"
                )
            elif figures.weekly_hours >= limit_hours:
                over = True
                reasons.append(
                    f"it takes {format_hours(figures.weekly_hours)} in its busiest week, "
                    f"and the limit is under {format_hours(limit_hours)}"
                )
            else:
                reasons.append(
                    f"it takes about {format_hours(figures.weekly_hours)} in its busiest week"
                )
        because = f" ({'; '.join(reasons)})" if reasons else ""
        message = f"This may affect {name}{because} — get advice before you start."
        notes.append(
            BenefitNote(
                benefit=rule.benefit_name,
                level=OVER_LIMIT if over else MAY_AFFECT,
                message=message,
                note=rule.note,
                link=rule.link,
                lead_time_warning=lead_warning,
                what_counts=getattr(rule, "what_counts", ""),
            )
        )
    return notes
