"""The fixed choices of payment records and participants' answers.

Plain values only (no models), so models, forms, views and the admin can all
import them without importing each other.
"""

from django.db import models


class PaymentKind(models.TextChoices):
    FEE = "fee", "Fee"
    EXPENSES = "expenses", "Expenses"


class Payer(models.TextChoices):
    PARTNER = "partner", "The partner"
    ORGANISATION = "organisation", "Us (the organisation)"


class PaymentState(models.TextChoices):
    DUE = "due", "Due"
    PAID = "paid", "Paid"
    DECLINED = "declined", "Declined by the person"
    DONATED = "donated", "Donated by the person"


class PaidHow(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    CASH = "cash", "Cash"
    VOUCHER = "voucher", "Voucher"
    OTHER = "other", "Other"


# The history entry a payment gets when it is recorded paid in bulk ("mark
# paid" for a session, or the import); one by one, Wagtail logs the edit.
RECORDED_PAID_LOG = "payments.recorded_paid"


# The participant's questions: short plain choices, in the order asked.


class BeenPaid(models.TextChoices):
    YES = "yes", "Yes"
    NOT_YET = "not_yet", "Not yet"
    PART = "part", "Only part"


class ExpensesOnTime(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    NONE = "none", "I had no expenses"


class YesPartlyNo(models.TextChoices):
    YES = "yes", "Yes"
    PARTLY = "partly", "Partly"
    NO = "no", "No"


class ToldWhatChanged(models.TextChoices):
    YES = "yes", "Yes"
    NO = "no", "No"
    TOO_EARLY = "too_early", "Not yet, it is too early"


# Actions written to Wagtail's audit log (stored with each entry: never rename).
MARKED_PAID_LOG = "payments.marked_paid"
IMPORTED_LOG = "payments.imported"
