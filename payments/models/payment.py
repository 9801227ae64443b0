"""What was promised to each selected person and when it was paid.

The site is not the finance system of record: it records what the
opportunity promised, who pays, and when each payment was made and how, so
the team can chase late payments and each partner's record can be worked
out (``payments.partner_record``). The rules are in ``payments.definitions``.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone

from home.private_links import new_reference
from payments import definitions
from payments.choices import PaidHow, Payer, PaymentKind, PaymentState


def new_payment_reference():
    return "P" + new_reference()


class PaymentQuerySet(models.QuerySet):
    def for_rules(self):
        """With everything the rules read, in a fixed number of queries."""
        return self.select_related("interest__opportunity__partner").prefetch_related(
            "sessions_attended", "interest__opportunity__sessions"
        )


class Payment(models.Model):
    """A fee or expenses due to one selected person for one opportunity.

    Personal data (it says who took part in what): shown only to the Personal
    data group; ``__str__`` carries the reference only.
    """

    Kind = PaymentKind
    State = PaymentState

    interest = models.ForeignKey(
        "opportunities.ExpressionOfInterest",
        on_delete=models.CASCADE,
        related_name="payments",
        help_text="The selected person (their expression of interest).",
    )
    reference = models.CharField(
        max_length=12,
        unique=True,
        default=new_payment_reference,
        help_text="Give this to finance: their export carries it back for the import.",
    )
    kind = models.CharField(max_length=10, choices=PaymentKind.choices, default=PaymentKind.FEE)
    amount_due = models.DecimalField(
        "amount due (£)",
        max_digits=8,
        decimal_places=2,
        validators=[MinValueValidator(0)],
        help_text="What was promised, in pounds.",
    )
    payer = models.CharField(
        "who pays",
        max_length=20,
        choices=Payer.choices,
        default=Payer.PARTNER,
        help_text="A late payment may be our own payment run: say who pays.",
    )
    sessions_attended = models.ManyToManyField(
        "opportunities.OpportunitySession",
        blank=True,
        related_name="payments",
        help_text="The sessions the person came to. Blank: all of the opportunity's sessions.",
    )
    receipt_date = models.DateField(
        "receipts arrived",
        null=True,
        blank=True,
        help_text="For expenses that wait for receipts: the days to pay count from here.",
    )
    state = models.CharField(
        max_length=10,
        choices=PaymentState.choices,
        default=PaymentState.DUE,
        db_index=True,
        help_text="Declined or donated payments are left out of every timeliness figure.",
    )
    paid_on = models.DateField("paid on", null=True, blank=True)
    paid_how = models.CharField(
        "paid by", max_length=20, choices=PaidHow.choices, blank=True, default=""
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PaymentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["interest", "kind"], name="one_payment_of_each_kind")
        ]

    def __str__(self):
        return f"Payment {self.reference}"

    def save(self, *args, **kwargs):
        if self.paid_on and self.state == PaymentState.DUE:
            self.state = PaymentState.PAID
        return super().save(*args, **kwargs)

    # The rules (payments.definitions), read from this record ---------------

    def session_dates(self):
        attended = [session.date for session in self.sessions_attended.all()]
        if attended:
            return attended
        return [session.date for session in self.interest.opportunity.sessions.all()]

    @property
    def facts(self):
        dates = self.session_dates()
        page = self.interest.opportunity
        return definitions.PaymentFacts(
            kind=self.kind,
            first_session=min(dates) if dates else None,
            last_session=max(dates) if dates else None,
            receipt_date=self.receipt_date,
            paid_on=self.paid_on,
            counted=self.state not in (PaymentState.DECLINED, PaymentState.DONATED),
            promised_days=page.paid_within_days,
            expenses_when=page.expenses_paid,
        )

    @property
    def due_date(self):
        return definitions.due_date(self.facts)

    @property
    def days_to_pay(self):
        return definitions.days_to_pay(self.facts)

    def is_overdue(self, today=None):
        return definitions.is_overdue(self.facts, today or timezone.localdate())
