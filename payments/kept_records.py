"""A partner's record as JSON, kept when the rows behind it are purged
(``payments.retention``), and read back for the reports (``payments.records``).

Withheld cells stay withheld: they are stored as ``{"withheld": true}``, never
as the number they hide.
"""

from __future__ import annotations

from typing import Any

from payments.partner_record import Figure, PartnerRecord, QuestionResult
from privacy.small_numbers import Withheld, is_withheld, withheld


def _plain(value: object) -> object:
    return {"withheld": True} if is_withheld(value) else value


def _back(value: object) -> object:
    return withheld() if isinstance(value, dict) and value.get("withheld") else value


def _figure_to_json(figure: Figure) -> list[object]:
    return [_plain(figure.value), _plain(figure.people), _plain(figure.of), _plain(figure.rate)]


def _count(value: object) -> int | Withheld:
    """A kept count of people: a number, or withheld."""
    if isinstance(value, (int, Withheld)):
        return value
    raise ValueError(f"A kept count of people must be a number or withheld, not {value!r}")


def _figure_from_json(cells: list[object]) -> Figure:
    value, people, of, rate = (_back(cell) for cell in cells)
    return Figure(value=value, people=_count(people), of=_count(of), rate=rate)


def record_to_json(record: PartnerRecord) -> dict[str, object]:
    return {
        "median_days": _figure_to_json(record.median_days),
        "within_promise": _figure_to_json(record.within_promise),
        "outcomes": _figure_to_json(record.outcomes),
        "questions": [
            {
                "name": question.name,
                "question": question.question,
                "answered": _figure_to_json(question.answered),
                "options": [
                    [label, _plain(count), _plain(share)]
                    for label, count, share in question.options
                ],
            }
            for question in record.questions
        ],
    }


def record_from_json(partner: Any, period: str, data: dict[str, Any]) -> PartnerRecord:
    return PartnerRecord(
        partner=partner,
        period=period,
        median_days=_figure_from_json(data["median_days"]),
        within_promise=_figure_from_json(data["within_promise"]),
        outcomes=_figure_from_json(data["outcomes"]),
        questions=[
            QuestionResult(
                question["name"],
                question["question"],
                _figure_from_json(question["answered"]),
                [
                    (label, _back(count), _back(share))
                    for label, count, share in question["options"]
                ],
            )
            for question in data["questions"]
        ],
    )
