"""What an opportunity pays and which expenses it covers: the fields, the rules
editors must meet, and the figures worked out from them (opportunities/payment.py)."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel

from opportunities import benefit_notes as notes
from opportunities import payment
from opportunities.choices import ExpensesPaid, PaymentMethod
from opportunities.models.benefits import BenefitRule
from opportunities.panels import PayCheckPanel


class PayAndExpenses(models.Model):
    """Payment and expenses for a page that also has a ``Schedule`` (dated
    sessions, or session fields and dates): the pay is worked out from them."""

    # Payment
    pay_amount = models.DecimalField(
        "amount (£)",
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text="What people are paid, in pounds, for the unit below. Blank for volunteering.",
    )
    pay_unit = models.CharField(
        "paid",
        max_length=20,
        choices=payment.PAY_UNIT_CHOICES,
        default=payment.PER_HOUR,
        help_text="What the amount is for.",
    )
    no_payment_reason = models.TextField(
        "why it is unpaid",
        blank=True,
        help_text="Needed for volunteering: say plainly why there is no payment.",
    )
    preparation_paid = models.BooleanField(
        "preparation time is paid",
        default=False,
        help_text="Tick if time spent reading or preparing is paid too.",
    )
    payment_method = models.CharField(
        "how it is paid",
        max_length=20,
        choices=PaymentMethod.choices,
        default=PaymentMethod.PERSONS_CHOICE,
        help_text="Vouchers still count as earnings for benefits.",
    )
    paid_within_days = models.PositiveSmallIntegerField(
        "paid within (days)",
        null=True,
        blank=True,
        help_text="The most days people wait to be paid after each session. 0 means on the day.",
    )
    payment_optional = models.BooleanField(
        "people may decline, reduce or donate payment",
        default=True,
        help_text="Leave ticked unless there is a reason people must take the payment.",
    )
    benefits_letter_offered = models.BooleanField(
        "letter for the Jobcentre or benefits adviser offered",
        default=True,
        help_text="We write a letter explaining the payment, for the Jobcentre or an adviser.",
    )

    # Expenses
    expenses_travel = models.BooleanField("travel", default=True, help_text="Fares or fuel.")
    expenses_childcare = models.BooleanField(
        "childcare", default=False, help_text="Childcare while people take part."
    )
    expenses_carer = models.BooleanField(
        "carer or personal assistant",
        default=False,
        help_text="The cost of someone who comes along to support the person.",
    )
    expenses_food = models.BooleanField(
        "food", default=False, help_text="Meals or snacks, if not provided on the day."
    )
    expenses_other = models.CharField(
        "other expenses",
        max_length=200,
        blank=True,
        help_text="Anything else you pay for, for example 'phone data'.",
    )
    expenses_paid = models.CharField(
        "expenses are paid",
        max_length=20,
        choices=ExpensesPaid.choices,
        default=ExpensesPaid.ON_THE_DAY,
        help_text="Paying only afterwards stops people who cannot find the money first.",
    )

    # Derived from the fields above on every save (see opportunities/payment.py).
    hourly_pay_pence = models.PositiveIntegerField(
        null=True, blank=True, editable=False, db_index=True
    )
    weekly_hours = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, editable=False, db_index=True
    )

    payment_panel = MultiFieldPanel(
        [
            HelpPanel(
                content=(
                    "<p>Agree payment before people start and pay at least the real "
                    "Living Wage (set in Settings) for every hour. You will see a warning "
                    "after saving if the hourly pay works out lower.</p>"
                )
            ),
            PayCheckPanel(heading="Pay check"),
            FieldRowPanel([FieldPanel("pay_amount"), FieldPanel("pay_unit")]),
            FieldPanel("no_payment_reason"),
            FieldPanel("preparation_paid"),
            FieldRowPanel([FieldPanel("payment_method"), FieldPanel("paid_within_days")]),
            FieldPanel("payment_optional"),
            FieldPanel("benefits_letter_offered"),
        ],
        heading="Payment",
    )
    expenses_panel = MultiFieldPanel(
        [
            FieldRowPanel(
                [
                    FieldPanel("expenses_travel"),
                    FieldPanel("expenses_childcare"),
                    FieldPanel("expenses_carer"),
                    FieldPanel("expenses_food"),
                ]
            ),
            FieldPanel("expenses_other"),
            FieldPanel("expenses_paid"),
        ],
        heading="Expenses covered",
    )

    class Meta:
        abstract = True

    def pay_errors(self):
        """Field errors for pay that does not add up, for the page's ``clean``."""
        errors = {}
        if self.pay_unit == payment.NO_PAYMENT:
            if not self.no_payment_reason.strip():
                errors["no_payment_reason"] = "Say plainly why this opportunity is unpaid."
            if self.pay_amount:
                errors["pay_amount"] = "Leave the amount blank when there is no payment."
        elif not self.pay_amount:
            errors["pay_amount"] = (
                "Give the amount people are paid, or choose 'no payment (volunteering)'."
            )
        return errors

    @property
    def pay_terms(self):
        return payment.PayTerms(
            amount=self.pay_amount,
            unit=self.pay_unit,
            hours_per_session=self.hours_per_session,
            number_of_sessions=self.number_of_sessions,
            frequency=self.frequency,
            start_date=self.start_date,
            end_date=self.end_date,
            sessions=self.session_times,
        )

    @cached_property
    def pay_figures(self):
        return payment.work_out_pay(self.pay_terms)

    def store_pay_figures(self):
        """Work the figures out again from the fields as they are now, and keep
        the ones listings filter and sort on."""
        self.__dict__.pop("pay_figures", None)
        figures = self.pay_figures
        self.hourly_pay_pence = figures.hourly_pence
        self.weekly_hours = figures.weekly_hours

    @property
    def pay_summary(self):
        return payment.pay_summary(self.pay_terms, self.pay_figures)

    @property
    def hourly_pay(self):
        return payment.format_pence(self.pay_figures.hourly_pence)

    @property
    def total_pay(self):
        return payment.format_pence(self.pay_figures.total_pence)

    @property
    def weekly_pay(self):
        return payment.format_pence(self.pay_figures.weekly_pence)

    @property
    def is_volunteering(self):
        return self.pay_unit == payment.NO_PAYMENT

    @property
    def expenses_covered(self):
        covered = [
            label
            for field_name, label in [
                ("expenses_travel", "travel"),
                ("expenses_childcare", "childcare"),
                ("expenses_carer", "a carer or personal assistant"),
                ("expenses_food", "food"),
            ]
            if getattr(self, field_name)
        ]
        if self.expenses_other.strip():
            covered.append(self.expenses_other.strip())
        return covered

    def benefits_named(self):
        """The benefits its notes name (from the rules in force when it was last
        saved), so a search for a benefit finds it. The search index asks once for
        each part of the entry it builds, so the answer is kept until the pay, the
        start or the day changes."""
        asked = (self.pay_figures, self.start_date, timezone.localdate())
        kept = self.__dict__.get("_benefits_named")
        if kept is None or kept[0] != asked:
            names = ", ".join(dict.fromkeys(note.benefit for note in self.benefit_notes()))
            kept = self.__dict__["_benefits_named"] = (asked, names)
        return kept[1]

    def benefit_notes(self, today=None):
        """The benefit notes that may apply (see opportunities.benefit_notes)."""
        today = today or timezone.localdate()
        rules = BenefitRule.objects.in_force(self.start_date or today)
        return notes.benefit_notes(rules, self.pay_figures, self.start_date, today)

    def living_wage_warning(self, living_wage_pounds):
        """Words for editors when the pay works out below the real Living Wage,
        or cannot be worked out; '' when it is fine (or volunteering)."""
        if self.is_volunteering:
            return ""
        hourly = self.pay_figures.hourly_pence
        living_wage = payment.to_pence(living_wage_pounds)
        if hourly is None:
            return (
                "Add the hours per session (and the number of sessions, for a fixed fee) so "
                "the site can work out the hourly pay and check it against the real Living Wage."
            )
        if hourly < living_wage:
            return (
                f"This pays about {payment.format_pence(hourly)} an hour, below the real "
                f"Living Wage of {payment.format_pence(living_wage)}. You can still publish it; "
                "please check the pay is fair before people sign up."
            )
        return ""
