"""The benefit notes that may apply to an opportunity, from dated rules.

Plain Python over plain values, like ``opportunities.payment`` whose figures
it reads: every note says what *may* apply and points to real advice; it is
never advice itself. The rules in force on a date are the newest of each
benefit that started on or before it (editors keep them current as
``BenefitRule`` snippets).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Protocol, TypeVar

from opportunities.payment import PayFigures, format_hours, format_pence, to_pence

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
    # The benefit's code (``Benefit``), to match the benefits a person chose.
    key: str = ""


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
                    key=getattr(rule, "benefit", ""),
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
                    key=getattr(rule, "benefit", ""),
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
                key=getattr(rule, "benefit", ""),
            )
        )
    return notes


def yours_first(notes: list[BenefitNote], chosen: list[str]) -> list[BenefitNote]:
    """The notes for the benefits a person chose first, the rest after, each
    group in its usual order."""
    return sorted(notes, key=lambda note: note.key not in chosen)
