"""The fixed choices and constants of the opportunity board and its interest records.

Plain values only (no models), so models, forms, views and the admin can all
import them without importing each other.
"""

from django.db import models

# The board ---------------------------------------------------------------------

CLOSING_SOON_DAYS = 7


class Format(models.TextChoices):
    IN_PERSON = "in_person", "In person"
    ONLINE = "online", "Online"
    HYBRID = "hybrid", "In person or online (hybrid)"
    PHONE = "phone", "By phone"


# Online and phone work can be done from anywhere, so they match every area.
FORMATS_FOR_EVERY_AREA = [Format.ONLINE, Format.PHONE]


class PaymentMethod(models.TextChoices):
    BANK_TRANSFER = "bank_transfer", "Bank transfer"
    CASH = "cash", "Cash"
    VOUCHER = "voucher", "Voucher"
    PERSONS_CHOICE = "choice", "Your choice of bank transfer, cash or voucher"


class ExpensesPaid(models.TextChoices):
    IN_ADVANCE = "in_advance", "In advance"
    ON_THE_DAY = "on_the_day", "On the day"
    AFTERWARDS = "afterwards", "Afterwards"


class Benefit(models.TextChoices):
    ESA = "esa", "Employment and Support Allowance (ESA)"
    CARERS_ALLOWANCE = "carers_allowance", "Carer's Allowance"
    UNIVERSAL_CREDIT = "universal_credit", "Universal Credit"
    JSA = "jsa", "Jobseeker's Allowance (JSA)"
    INCOME_SUPPORT = "income_support", "Income Support"
    PIP = "pip", "Personal Independence Payment (PIP)"


# Expressions of interest ------------------------------------------------------------


class ContactMethod(models.TextChoices):
    EMAIL = "email", "Email"
    PHONE = "phone", "Phone call"
    TEXT = "text", "Text message"


class InterestStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    SELECTED = "selected", "Selected"
    NOT_SELECTED = "not_selected", "Not selected"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Actions written to Wagtail's audit log (stored with each entry: never rename).
STATUS_LOG_ACTION = "opportunities.interest.status"
PLACES_FILLED_LOG = "opportunities.places_filled"
CLOSE_EARLY_LOG = "opportunities.close_early"


# Alerts on a saved search ----------------------------------------------------------


class AlertFrequency(models.TextChoices):
    IMMEDIATE = "immediate", "As they are published"
    WEEKLY = "weekly", "Once a week"
