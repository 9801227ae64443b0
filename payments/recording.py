"""Recording payments in bulk: "mark paid" for everyone at one session, and
the import of a finance export (reference, amount, date).

The import is read twice: once for the preview (every row with its error
beside it, nothing saved), and again when the person confirms, when only the
rows without an error are saved. A row is refused when its reference is
unknown, it is paid already, its amount is not the amount due, its date is
not a date (or is in the future), or its reference appears twice in the file.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.log_actions import log

from payments.choices import RECORDED_PAID_LOG, PaymentState
from payments.models.payment import Payment

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")
MOST_ROWS = 2000
HEADER_WORDS = {"reference", "ref"}


def due_at_session(session, kind=None):
    """Unpaid payments of the people who came to ``session`` (or, when their
    sessions are not recorded, of everyone selected for its opportunity)."""
    payments = Payment.objects.filter(state=PaymentState.DUE).filter(
        Q(sessions_attended=session)
        | Q(sessions_attended=None, interest__opportunity_id=session.page_id)
    )
    if kind:
        payments = payments.filter(kind=kind)
    return payments.distinct()


def _record_paid(payment_ids, paid_on, paid_how, user, via):
    """Mark the payments still due among ``payment_ids`` paid, each with an
    entry in its history (who, when, how, by which tool); returns how many."""
    due = Payment.objects.select_for_update().filter(pk__in=payment_ids, state=PaymentState.DUE)
    recorded = list(due)
    Payment.objects.filter(pk__in=[p.pk for p in recorded]).update(
        state=PaymentState.PAID, paid_on=paid_on, paid_how=paid_how, updated_at=timezone.now()
    )
    for payment in recorded:
        log(
            instance=payment,
            action=RECORDED_PAID_LOG,
            user=user,
            data={"paid_on": paid_on.isoformat(), "paid_how": paid_how, "via": via},
        )
    return len(recorded)


def mark_paid(payments, paid_on, paid_how, user=None):
    """Mark these payments paid; returns how many."""
    with transaction.atomic():
        ids = list(payments.values_list("pk", flat=True))
        return _record_paid(ids, paid_on, paid_how, user, "mark paid for a session")


@dataclass
class ImportRow:
    line: int
    reference: str
    amount: str
    paid: str
    error: str = ""
    payment: Payment | None = None
    paid_on: date | None = None


def parse_date(text: str) -> date | None:
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    return None


def read_export(text: str, today: date | None = None) -> list[ImportRow]:
    """Every row of the export with its error, if any (nothing is saved)."""
    today = today or timezone.localdate()
    rows: list[ImportRow] = []
    for line, cells in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not any(cell.strip() for cell in cells):
            continue
        if line == 1 and cells and cells[0].strip().lower() in HEADER_WORDS:
            continue
        cells = [*cells, "", "", ""][:3]
        rows.append(ImportRow(line, *(cell.strip() for cell in cells)))
        if len(rows) > MOST_ROWS:
            rows[-1].error = f"Only {MOST_ROWS} rows can be imported at once: split the file."
            break
    references = [row.reference.upper() for row in rows]
    payments = Payment.objects.in_bulk(
        [reference for reference in references if reference], field_name="reference"
    )
    for row in rows:
        row.error = row.error or _row_error(row, payments, references, today)
    return rows


def _row_error(row, payments, references, today):
    reference = row.reference.upper()
    if not reference:
        return "No reference: the first column must be our payment reference."
    if references.count(reference) > 1:
        return "This reference is in the file more than once."
    payment = payments.get(reference)
    if payment is None:
        return "We have no payment with this reference."
    row.payment = payment
    try:
        amount = Decimal(row.amount.replace("£", "").replace(",", ""))
    except InvalidOperation:
        return "The amount is not a number."
    if amount != payment.amount_due:
        return f"The amount is not the £{payment.amount_due} due."
    row.paid_on = parse_date(row.paid)
    if row.paid_on is None:
        return "The date is not a date: write it like 2026-03-31 or 31/03/2026."
    if row.paid_on > today:
        return "The date is in the future."
    if payment.state != PaymentState.DUE:
        return f"Already recorded as {payment.get_state_display().lower()}."
    return ""


def save_import(rows: list[ImportRow], paid_how: str, user=None) -> int:
    """Save the rows without an error; returns how many were saved."""
    saved = 0
    with transaction.atomic():
        for row in rows:
            if row.error or row.payment is None or row.paid_on is None:
                continue
            saved += _record_paid([row.payment.pk], row.paid_on, paid_how, user, "import")
    return saved
