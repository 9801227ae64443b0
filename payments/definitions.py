"""The definitions behind every payment figure, in one place.

``DEFINITIONS`` is shown wherever a figure is (the partner records, the
dashboard, the lead contact's page, the CSV), so the words and the rules
below cannot drift apart.

- *Days to pay*: calendar days from the last session the person attended to
  the date it was paid. Expenses that wait for receipts count from the date
  the receipts arrived, when that is later.
- *Due date*: a fee is due the opportunity's "paid within (days)" after the
  clock starts (above); without a stated number of days it has no due date,
  so it is left out of "paid within the promise" and never shows as overdue.
  Expenses promised "in advance" are due on the first session the person
  attended, "on the day" on the last; "afterwards" like a fee.
- *Paid within the promise*: paid on or before the due date. A payment still
  unpaid after its due date counts as not within the promise.
- *Declined or donated* payments are recorded as such and left out of every
  timeliness figure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

DEFINITIONS: tuple[tuple[str, str], ...] = (
    (
        "Days to pay",
        "Calendar days from the last session the person attended to the day they were paid. "
        "Expenses that wait for receipts count from the day the receipts arrived.",
    ),
    (
        "Paid within the promise",
        "Paid on or before the day the opportunity promised ('paid within N days'; expenses "
        "'in advance' by the first session, 'on the day' by the last). Still unpaid after "
        "that day counts as late.",
    ),
    (
        "Left out",
        "Fees or expenses the person declined or donated, and payments with no promised days.",
    ),
    (
        "Outcome published",
        "Closed opportunities that have said what changed, counted once 90 days have passed "
        "since closing (the outcome takes time to write).",
    ),
    (
        "People and response rate",
        "How many people each figure is built from, and the share of those asked (or "
        "selected) that it covers. A figure built from fewer than 5 people is not shown.",
    ),
)

IN_ADVANCE = "in_advance"
ON_THE_DAY = "on_the_day"
OUTCOME_WAIT_DAYS = 90


@dataclass(frozen=True)
class PaymentFacts:
    """What the rules need to know about one payment (plain values: testable
    without a database)."""

    kind: str  # "fee" or "expenses"
    first_session: date | None
    last_session: date | None
    receipt_date: date | None
    paid_on: date | None
    counted: bool  # False when declined or donated
    promised_days: int | None
    expenses_when: str = ""  # the opportunity's "expenses are paid"


def clock_starts(facts: PaymentFacts) -> date | None:
    """The day the days to pay count from."""
    start = facts.last_session
    if facts.kind == "expenses" and facts.receipt_date is not None:
        start = max(start, facts.receipt_date) if start else facts.receipt_date
    return start


def due_date(facts: PaymentFacts) -> date | None:
    """When the opportunity's promise says it must be paid, or None."""
    if facts.kind == "expenses" and facts.expenses_when == IN_ADVANCE:
        return facts.first_session
    if facts.kind == "expenses" and facts.expenses_when == ON_THE_DAY:
        return facts.last_session
    start = clock_starts(facts)
    if start is None or facts.promised_days is None:
        return None
    return start + timedelta(days=facts.promised_days)


def days_to_pay(facts: PaymentFacts) -> int | None:
    """Calendar days from the clock's start to payment; None when unpaid,
    not counted, or no session is known."""
    start = clock_starts(facts)
    if not facts.counted or facts.paid_on is None or start is None:
        return None
    return max((facts.paid_on - start).days, 0)


def within_promise(facts: PaymentFacts, today: date) -> bool | None:
    """True when paid by its due date, False when paid late or still unpaid
    after it, None when it does not count (declined, donated, no promise, not
    yet due)."""
    due = due_date(facts)
    if not facts.counted or due is None:
        return None
    if facts.paid_on is not None:
        return facts.paid_on <= due
    return False if today > due else None


def is_overdue(facts: PaymentFacts, today: date) -> bool:
    due = due_date(facts)
    return facts.counted and facts.paid_on is None and due is not None and today > due
