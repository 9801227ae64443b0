"""Each partner's record, for the team: how fast and how reliably people were
paid, whether outcomes were published, and what participants said.

Every figure is a ``Figure``: its value, the number of people it is built
from, how many it could have covered, and the response rate. Every value
and every count passes the small-number rule (``privacy.small_numbers``):
nothing built from fewer than 5 people is shown, in any cell, including each
answer option. An answer option below 5 is shown only as "fewer than 5
people", and only when the other options withheld with it add up to 5 or
more: otherwise the whole question is withheld, so no small count can be
worked out by subtracting the others from the total.

Figures are given only for fixed periods (a calendar quarter or year), so
nobody can narrow a period down to one person's dates. The rules for each
figure are in ``payments.definitions`` (shown beside every figure).

``build_records`` works on plain rows (tested against a hand computation
and over generated data in tests/payments/test_partner_record.py);
``payments.records`` reads them from the database, and
``payments.retention`` keeps them, as JSON (``payments.kept_records``), when
the rows behind them are purged.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import median
from typing import Any

from payments import definitions
from payments.models.feedback import QUESTIONS
from privacy.small_numbers import (
    MINIMUM_PEOPLE,
    Withheld,
    count_of_people,
    figure_from,
    is_withheld,
    withheld,
)

QUARTER = "quarter"
YEAR = "year"
PERIODS = (QUARTER, YEAR)


def period_of(day: date, kind: str) -> str:
    """'2026' or '2026 Q3'."""
    if kind == YEAR:
        return str(day.year)
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


@dataclass(frozen=True)
class PaymentRow:
    partner: Any
    person: int
    facts: definitions.PaymentFacts


@dataclass(frozen=True)
class AnswerRow:
    partner: Any
    person: int
    asked_on: date
    answers: dict[str, str] | None  # None: not answered (or no consent)


@dataclass(frozen=True)
class OpportunityRow:
    partner: Any
    closes_on: date
    has_outcome: bool
    people: frozenset[int]


@dataclass(frozen=True)
class Figure:
    """One cell: a value, the people it is built from, of how many, and the
    response rate; any of them withheld under the small-number rule."""

    value: object
    people: int | Withheld
    of: int | Withheld
    rate: object

    @classmethod
    def build(cls, people: int, of: int, value: object) -> Figure:
        enough = people >= MINIMUM_PEOPLE
        return cls(
            # Built from nobody, there is no figure (and it describes nobody).
            value=None if people == 0 else figure_from(people, value),
            people=count_of_people(people),
            of=count_of_people(of),
            rate=percent(people, of) if enough and of >= MINIMUM_PEOPLE else withheld(),
        )

    @property
    def shown(self) -> bool:
        return not is_withheld(self.value)


def whole_if_whole(number: float) -> float | int:
    """10 rather than 10.0; a median of an even count may be 7.5."""
    return int(number) if float(number).is_integer() else number


def percent(part: int, whole: int) -> int:
    """A whole-number percentage, rounded half up."""
    return (200 * part + whole) // (2 * whole) if whole else 0


@dataclass
class QuestionResult:
    name: str
    question: str
    answered: Figure
    options: list[tuple[str, object, object]] = field(default_factory=list)  # (label, count, %)


@dataclass
class PartnerRecord:
    partner: Any
    period: str
    median_days: Figure
    within_promise: Figure
    outcomes: Figure
    questions: list[QuestionResult]
    response: str = ""  # the partner's own short response to this period, if any


def _median_days(rows: Sequence[PaymentRow]) -> Figure:
    paid = [(row.person, definitions.days_to_pay(row.facts)) for row in rows]
    counted = {row.person for row in rows if row.facts.counted}
    days = [value for _, value in paid if value is not None]
    people = {person for person, value in paid if value is not None}
    value = whole_if_whole(median(days)) if days else None
    return Figure.build(len(people), len(counted), value)


def _within_promise(rows: Sequence[PaymentRow], today: date) -> Figure:
    judged = [(row.person, definitions.within_promise(row.facts, today)) for row in rows]
    judged = [(person, on_time) for person, on_time in judged if on_time is not None]
    counted = {row.person for row in rows if row.facts.counted}
    people = {person for person, _ in judged}
    share = percent(sum(1 for _, on_time in judged if on_time), len(judged)) if judged else None
    return Figure.build(len(people), len(counted), share)


def _outcomes(rows: Sequence[OpportunityRow]) -> Figure:
    people = frozenset().union(*(row.people for row in rows)) if rows else frozenset()
    share = percent(sum(1 for row in rows if row.has_outcome), len(rows)) if rows else None
    return Figure.build(len(people), len(people), share)


def _question(rows: Sequence[AnswerRow], name: str, question: str, choices: Any) -> QuestionResult:
    asked = {row.person for row in rows}
    given = [row.answers[name] for row in rows if row.answers and row.answers.get(name)]
    answered = Figure.build(len(given), len(asked), len(given))
    result = QuestionResult(name, question, answered)
    counts = {value: given.count(value) for value, _ in choices.choices}
    small = [count for count in counts.values() if 0 < count < MINIMUM_PEOPLE]
    whole_question_withheld = not answered.shown or (small and sum(small) < MINIMUM_PEOPLE)
    for value, label in choices.choices:
        count = counts[value]
        if whole_question_withheld or 0 < count < MINIMUM_PEOPLE:
            result.options.append((label, withheld(), withheld()))
        else:
            result.options.append((label, count, percent(count, len(given))))
    return result


def build_records(
    payments: Iterable[PaymentRow],
    answers: Iterable[AnswerRow],
    opportunities: Iterable[OpportunityRow],
    kind: str,
    today: date,
) -> list[PartnerRecord]:
    """Every partner's record for every period of ``kind`` with anything in it."""
    payments_by = defaultdict(list)
    for row in payments:
        start = definitions.clock_starts(row.facts)
        if start is not None:
            payments_by[(row.partner, period_of(start, kind))].append(row)
    answers_by = defaultdict(list)
    for answer in answers:
        answers_by[(answer.partner, period_of(answer.asked_on, kind))].append(answer)
    outcome_cutoff = today - timedelta(days=definitions.OUTCOME_WAIT_DAYS)
    opportunities_by = defaultdict(list)
    for opportunity in opportunities:
        if opportunity.closes_on <= outcome_cutoff:
            opportunities_by[(opportunity.partner, period_of(opportunity.closes_on, kind))].append(
                opportunity
            )
    keys = set(payments_by) | set(answers_by) | set(opportunities_by)
    records = []
    for partner, period in sorted(keys, key=lambda key: (str(key[0]), key[1])):
        paid = payments_by.get((partner, period), [])
        said = answers_by.get((partner, period), [])
        records.append(
            PartnerRecord(
                partner=partner,
                period=period,
                median_days=_median_days(paid),
                within_promise=_within_promise(paid, today),
                outcomes=_outcomes(opportunities_by.get((partner, period), [])),
                questions=[_question(said, *question) for question in QUESTIONS],
            )
        )
    return records


CSV_HEADER = ["Partner", "Period", "Figure", "Value", "People", "Of", "Response rate (%)"]


def csv_rows(records: Iterable[PartnerRecord]) -> Iterable[list[object]]:
    """One row per figure and per answer option, withheld cells in words."""
    for record in records:
        partner = str(record.partner)
        for label, figure in (
            ("Median days to pay", record.median_days),
            ("Paid within the promise (%)", record.within_promise),
            ("Closed opportunities with an outcome (%)", record.outcomes),
        ):
            yield [partner, record.period, label, *_cells(figure)]
        for question in record.questions:
            yield [partner, record.period, question.question, *_cells(question.answered)]
            for label, count, share in question.options:
                yield [
                    partner,
                    record.period,
                    f"{question.question} {label} (%)",
                    share,
                    count,
                    question.answered.people,
                    "",
                ]


def _cells(figure: Figure) -> list[object]:
    value = "" if figure.value is None else figure.value
    return [value, figure.people, figure.of, figure.rate]
