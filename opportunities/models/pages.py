"""The opportunity board: the listing page and one page per paid opportunity."""

import json
from datetime import timedelta
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from home.blocks import ContentStreamBlock
from opportunities import payment
from opportunities.models.interest import InterestRoutes
from opportunities.panels import PayCheckPanel

CLOSING_SOON_DAYS = 7
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
# Characters that could end a <script> element, written as JSON escapes.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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


class OpportunityIndexPage(RoutablePageMixin, Page):
    """The board at /opportunities/: open opportunities with filters, search and feeds."""

    introduction = models.TextField(
        blank=True,
        help_text="One or two sentences at the top of the board: what these opportunities are.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["opportunities.OpportunityPage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    template = "pages/opportunities/opportunity_index_page.html"

    class Meta:
        verbose_name = "opportunity board"

    def get_context(self, request, *args, **kwargs):
        from opportunities.listing import OpportunityListing

        context = super().get_context(request, *args, **kwargs)
        context["listing"] = OpportunityListing(self, request.GET)
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from opportunities.feeds import OpportunityRssFeed

        return OpportunityRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from opportunities.feeds import OpportunityAtomFeed

        return OpportunityAtomFeed(self)(request)

    @path("feed/closing-dates/", name="ical")
    def ical_feed(self, request):
        from opportunities.feeds import closing_dates_calendar

        return closing_dates_calendar(self, request)


class OpportunityPage(InterestRoutes, Page):
    """One paid opportunity: what it is, who runs it, where and when, and exactly
    what people get for it."""

    summary = models.TextField(
        max_length=300,
        help_text="One or two plain sentences: what the work is. Shown on listing cards.",
    )
    easy_read_summary = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Optional. The same in easy read: short sentences, one idea each.",
    )
    lived_experience_sought = models.TextField(
        "who it is for",
        help_text=(
            "The lived experience you are looking for, for example 'People who have been "
            "homeless in Salford in the last five years'."
        ),
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text="The full description: what happens, who you will meet, what changes.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="opportunities",
        help_text="What it is about. People filter by these.",
    )
    partner = models.ForeignKey(
        "partners.PartnerPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
        help_text="The partner running it. Leave empty if we run it ourselves.",
    )
    rung = models.ForeignKey(
        "ladder.Rung",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="opportunities",
        verbose_name="ladder rung",
        help_text=(
            "How much say people get, on our ladder: consulted, or deciding together? "
            "Be honest: people can filter by it."
        ),
    )

    # Where and when
    format = models.CharField(
        max_length=20,
        choices=Format.choices,
        default=Format.IN_PERSON,
        help_text="How people take part.",
    )
    area = models.ForeignKey(
        "home.Area",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="opportunities",
        help_text="Where it happens. Online and phone work shows up under every area anyway.",
    )
    venue = models.CharField(
        max_length=250,
        blank=True,
        help_text="The building and address, or 'Zoom (link sent before)'.",
    )
    start_date = models.DateField(
        null=True, blank=True, help_text="The first session. Leave blank if not fixed yet."
    )
    end_date = models.DateField(
        null=True, blank=True, help_text="The last session. Blank for a one-off."
    )
    hours_per_session = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.25"))],
        help_text=(
            "How long each session lasts, in hours (1.5 for an hour and a half). For a day "
            "rate, the length of the day. Needed to work out the hourly pay."
        ),
    )
    number_of_sessions = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How many sessions (or days) in all. Blank if it is open-ended.",
    )
    frequency = models.CharField(
        max_length=20,
        choices=payment.FREQUENCY_CHOICES,
        default=payment.ONE_OFF,
        help_text="How often sessions happen.",
    )
    # Null only on a copy (copying clears the dates); the form requires it.
    closes_at = models.DateTimeField(
        "closing date and time",
        null=True,
        help_text=(
            "When it stops taking interest (UK time). After this it leaves the board, "
            "but its page stays, marked closed."
        ),
    )
    places = models.PositiveSmallIntegerField(
        "number of places",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Optional. How many people you will take.",
    )
    places_filled = models.BooleanField(
        default=False,
        help_text="Tick when every place is taken: the page says so and stops taking interest.",
    )

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

    access_support = ParentalManyToManyField(
        "home.AccessSupport",
        blank=True,
        related_name="opportunities",
        verbose_name="access support offered",
        help_text="Support you have arranged. Shown beside the pay.",
    )

    outcome = RichTextField(
        "what changed as a result",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=(
            "After it closes: what changed because people took part. "
            "Shown on the page once it is closed."
        ),
    )

    # Derived from the fields above on every save (see opportunities/payment.py).
    hourly_pay_pence = models.PositiveIntegerField(
        null=True, blank=True, editable=False, db_index=True
    )
    weekly_hours = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, editable=False, db_index=True
    )
    has_outcome = models.BooleanField(default=False, editable=False, db_index=True)

    parent_page_types = ["opportunities.OpportunityIndexPage"]
    subpage_types = []

    # Copying last year's opportunity must not copy its dates or what changed.
    exclude_fields_in_copy = [
        "start_date",
        "end_date",
        "closes_at",
        "outcome",
        "has_outcome",
        "places_filled",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("lived_experience_sought"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.AutocompleteField("title"),
        # So "housing" or a partner's name finds what is tagged with it.
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("partner", [index.SearchField("title")]),
        index.RelatedFields("area", [index.SearchField("name")]),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("lived_experience_sought"),
        # Tick boxes, not a multiple select that needs Ctrl-click.
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner"),
        FieldPanel("rung"),
        FieldPanel("body"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldRowPanel([FieldPanel("area"), FieldPanel("venue")]),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [
                        FieldPanel("hours_per_session"),
                        FieldPanel("number_of_sessions"),
                        FieldPanel("frequency"),
                    ]
                ),
                FieldPanel("closes_at"),
                FieldRowPanel([FieldPanel("places"), FieldPanel("places_filled")]),
            ],
            heading="Where and when",
        ),
        MultiFieldPanel(
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
        ),
        MultiFieldPanel(
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
        ),
        FieldPanel("access_support", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcome"),
    ]

    template = "pages/opportunities/opportunity_page.html"

    class Meta:
        verbose_name = "opportunity"
        verbose_name_plural = "opportunities"

    # Validation -----------------------------------------------------------

    def clean(self):
        super().clean()
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
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The last session cannot be before the first."
        if errors:
            raise ValidationError(errors)

    # Derived values -------------------------------------------------------

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
        )

    @cached_property
    def pay_figures(self):
        return payment.work_out_pay(self.pay_terms)

    def save(self, *args, **kwargs):
        self.__dict__.pop("pay_figures", None)
        figures = self.pay_figures
        self.hourly_pay_pence = figures.hourly_pence
        self.weekly_hours = figures.weekly_hours
        self.has_outcome = bool(strip_tags(self.outcome or "").strip())
        result = super().save(*args, **kwargs)
        # The search index is updated from the post_save signal, which fires before
        # the cluster writes the topic choices; index again now they are written so
        # searching a topic's name finds the page (a task, like the signal's own).
        insert_or_update_object_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )
        return result

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

    def benefit_notes(self, today=None):
        """The benefit notes that may apply (see payment.benefit_notes)."""
        from opportunities.models.benefits import BenefitRule

        today = today or timezone.localdate()
        rules = BenefitRule.objects.in_force(self.start_date or today)
        return payment.benefit_notes(rules, self.pay_figures, self.start_date, today)

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

    # Open, closed, full ---------------------------------------------------

    @property
    def is_open(self):
        return self.closes_at is not None and self.closes_at > timezone.now()

    @property
    def is_closing_soon(self):
        return self.is_open and self.closes_at <= timezone.now() + timedelta(days=CLOSING_SOON_DAYS)

    @property
    def accepts_interest(self):
        """Open, live and with places left: only then may people express interest."""
        return self.live and self.is_open and not self.is_full

    @cached_property
    def is_full(self):
        """Editors ticked 'places filled', or selected people took every place."""
        from opportunities.interest import places_reached

        return self.places_filled or places_reached(self)

    @property
    def status_label(self):
        if not self.is_open:
            return "Closed"
        if self.is_full:
            return "Places filled"
        if self.is_closing_soon:
            return "Closing soon"
        return "Open"

    @property
    def runner_name(self):
        return self.partner.title if self.partner_id and self.partner else ""

    # Structured data ------------------------------------------------------

    def structured_data(self, request=None, organisation_name=""):
        """schema.org JobPosting data, as a dict."""
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "datePosted": (self.first_published_at or timezone.now()).date().isoformat(),
            "employmentType": "VOLUNTEER" if self.is_volunteering else "TEMPORARY",
            "hiringOrganization": {
                "@type": "Organization",
                "name": self.runner_name or organisation_name,
            },
        }
        if self.closes_at:
            data["validThrough"] = timezone.localtime(self.closes_at).isoformat()
        if self.partner_id and self.partner and self.partner.website:
            data["hiringOrganization"]["sameAs"] = self.partner.website
        if self.format in FORMATS_FOR_EVERY_AREA:
            data["jobLocationType"] = "TELECOMMUTE"
            data["applicantLocationRequirements"] = {"@type": "Country", "name": "United Kingdom"}
        else:
            address = {"@type": "PostalAddress", "addressCountry": "GB"}
            if self.venue:
                address["streetAddress"] = self.venue
            if self.area_id and self.area:
                address["addressRegion"] = self.area.name
            data["jobLocation"] = {"@type": "Place", "address": address}
            if self.format == Format.HYBRID:
                data["jobLocationType"] = "TELECOMMUTE"
        if not self.is_volunteering and self.pay_amount:
            unit_text = {payment.PER_HOUR: "HOUR", payment.PER_DAY: "DAY"}.get(self.pay_unit)
            value = {"@type": "QuantitativeValue", "value": float(self.pay_amount)}
            if unit_text is None and self.pay_figures.hourly_pence is not None:
                unit_text = "HOUR"
                value["value"] = self.pay_figures.hourly_pence / 100
            if unit_text:
                value["unitText"] = unit_text
            data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "GBP", "value": value}
        if self.start_date:
            data["jobStartDate"] = self.start_date.isoformat()
        return data

    def structured_data_json(self, request=None, organisation_name=""):
        text = json.dumps(self.structured_data(request, organisation_name), ensure_ascii=False)
        return mark_safe(text.translate(JSON_SCRIPT_ESCAPES))  # noqa: S308

    def get_context(self, request, *args, **kwargs):
        from home.models import SiteSettings

        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.load(request_or_site=request)
        context["benefit_notes"] = self.benefit_notes()
        context["topics"] = list(self.topics.all())
        context["access_support"] = list(self.access_support.all())
        parent = self.get_parent()
        context["board_url"] = parent.url if parent else "/"
        context["structured_data"] = self.structured_data_json(
            request, site_settings.organisation_name
        )
        return context
