"""The payment rules (payments/definitions.py), on plain values."""

from datetime import date

import pytest

from payments.definitions import (
    PaymentFacts,
    days_to_pay,
    due_date,
    is_overdue,
    within_promise,
)

MARCH_2 = date(2026, 3, 2)
MARCH_9 = date(2026, 3, 9)


def facts(**changes):
    values = {
        "kind": "fee",
        "first_session": MARCH_2,
        "last_session": MARCH_9,
        "receipt_date": None,
        "paid_on": None,
        "counted": True,
        "promised_days": 14,
        "expenses_when": "afterwards",
    }
    return PaymentFacts(**{**values, **changes})


def test_days_count_from_the_last_session_attended():
    assert days_to_pay(facts(paid_on=date(2026, 3, 19))) == 10
    assert due_date(facts()) == date(2026, 3, 23)


def test_expenses_waiting_for_receipts_count_from_the_receipt_date():
    late_receipts = facts(
        kind="expenses", receipt_date=date(2026, 3, 20), paid_on=date(2026, 3, 25)
    )
    assert days_to_pay(late_receipts) == 5
    assert due_date(late_receipts) == date(2026, 4, 3)
    # A fee ignores any receipt date.
    assert days_to_pay(facts(receipt_date=date(2026, 3, 20), paid_on=date(2026, 3, 25))) == 16


@pytest.mark.parametrize(
    ("when", "due"),
    [("in_advance", MARCH_2), ("on_the_day", MARCH_9), ("afterwards", date(2026, 3, 23))],
)
def test_expenses_are_due_as_the_opportunity_promised(when, due):
    assert due_date(facts(kind="expenses", expenses_when=when)) == due


def test_paid_within_the_promise_compares_with_the_stated_days():
    today = date(2026, 6, 1)
    assert within_promise(facts(paid_on=date(2026, 3, 23)), today) is True
    assert within_promise(facts(paid_on=date(2026, 3, 24)), today) is False
    assert within_promise(facts(), today) is False  # unpaid after its due date: late
    assert within_promise(facts(), date(2026, 3, 20)) is None  # not due yet
    assert within_promise(facts(promised_days=None, paid_on=MARCH_9), today) is None


def test_declined_or_donated_payments_are_left_out_of_timeliness():
    declined = facts(counted=False, paid_on=None)
    assert days_to_pay(declined) is None
    assert within_promise(declined, date(2026, 6, 1)) is None
    assert not is_overdue(declined, date(2026, 6, 1))


def test_overdue_only_past_the_due_date_and_unpaid():
    assert not is_overdue(facts(), date(2026, 3, 23))
    assert is_overdue(facts(), date(2026, 3, 24))
    assert not is_overdue(facts(paid_on=date(2026, 3, 30)), date(2026, 4, 1))
    assert not is_overdue(facts(promised_days=None), date(2027, 1, 1))
