"""One paid opportunity: its page, what editors must fill in, and when it takes interest."""

from datetime import timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.html import strip_tags
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from home.blocks import ContentStreamBlock
from opportunities.board.benefits import PersonalBenefitNotes
from opportunities.choices import CLOSING_SOON_DAYS, Format
from opportunities.closing_reminder.routes import ClosingReminderRoutes
from opportunities.interest.routes import InterestRoutes
from opportunities.models.pay import PayAndExpenses
from opportunities.models.places import Places
from opportunities.models.presentation import OpportunityPresentation
from opportunities.models.schedule import Schedule
from opportunities.models.tree_copies import LiveCopy, OpportunityManager, ParentCopy
from opportunities.models.venue import Venue
from opportunities.panels import AlertsToldPanel, RungCheckPanel
from opportunities.session_pattern import OpportunityPageForm, pattern_panel

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class OpportunityPage(
    PersonalBenefitNotes,
    OpportunityPresentation,
    Schedule,
    Venue,
    PayAndExpenses,
    InterestRoutes,
    ClosingReminderRoutes,
    Places,
    LiveCopy,
    ParentCopy,
    Page,
):
    """One paid opportunity: what it is, who runs it, where and when, and exactly
    what people get for it.

    Its pay and expenses (fields, rules, figures) are in ``pay.py``, what the
    page shows beyond its fields in ``presentation.py``, and the interest form's
    addresses under the page in ``opportunities/interest/routes.py``.
    """

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
        # Published rungs only: a draft rung is not on the public ladder yet.
        limit_choices_to={"live": True},
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

    # Derived from the outcome on every save, so listings can filter on it.
    has_outcome = models.BooleanField(default=False, editable=False, db_index=True)

    objects = OpportunityManager()

    parent_page_types = ["opportunities.OpportunityIndexPage"]
    subpage_types = []

    # Copying last year's opportunity must not copy its dates or what changed.
    exclude_fields_in_copy = [
        "sessions",
        "start_date",
        "end_date",
        "closes_at",
        "outcome",
        "has_outcome",
        "places_filled",
        "full",
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("lived_experience_sought"),
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("venue_town"),
        index.AutocompleteField("title"),
        # So "housing" or a partner's name finds what is tagged with it.
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields("partner", [index.SearchField("title")]),
        index.RelatedFields("area", [index.SearchField("name")]),
        # "step-free" or "BSL" finds what offers that support.
        index.RelatedFields("access_support", [index.SearchField("name")]),
        # "universal credit" finds what its benefit notes name.
        index.SearchField("benefits_named"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("lived_experience_sought"),
        # Tick boxes, not a multiple select that needs Ctrl-click.
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("partner"),
        FieldPanel("rung"),
        RungCheckPanel(heading="Ladder rung check"),
        AlertsToldPanel(heading="Alerts"),
        FieldPanel("body"),
        FieldPanel("easy_read_summary"),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("area"),
                FieldPanel("closes_at"),
                FieldRowPanel([FieldPanel("places"), FieldPanel("places_filled")]),
            ],
            heading="Where and when",
        ),
        Venue.venue_panel,
        Schedule.sessions_panel,
        pattern_panel,
        Schedule.undated_panel,
        PayAndExpenses.payment_panel,
        PayAndExpenses.expenses_panel,
        FieldPanel("access_support", widget=forms.CheckboxSelectMultiple),
        FieldPanel("outcome"),
    ]

    base_form_class = OpportunityPageForm
    template = "pages/opportunities/opportunity_page.html"

    class Meta:
        verbose_name = "opportunity"
        verbose_name_plural = "opportunities"
        # The board filters open opportunities (closing after now) and sorts them
        # by closing time, within a format, an area or a rung.
        indexes = [
            models.Index(fields=["closes_at"], name="opportunity_closes_at"),
            models.Index(fields=["format", "closes_at"], name="opportunity_format_closes"),
            models.Index(fields=["area", "closes_at"], name="opportunity_area_closes"),
            models.Index(fields=["rung", "closes_at"], name="opportunity_rung_closes"),
            # Search joins index entries on the id as text: a word's matches find their rows.
            models.Index(
                Cast("page_ptr", models.CharField(max_length=50)), name="opportunity_search_key"
            ),
            # The board's default order: ones people can still join, then closing soonest.
            models.Index(fields=["full", "closes_at"], name="opportunity_full_closes"),
            # Counting the open ones: a range of this index, no page row read.
            models.Index(
                fields=["closes_at"], condition=Q(live_copy=True), name="opportunity_live_closes"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {**self.pay_errors(), **self.clean_venue()}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The last session cannot be before the first."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.take_dates_from_sessions()
        self.store_pay_figures()
        self.has_outcome = bool(strip_tags(self.outcome or "").strip())
        self.work_out_full()
        self.copy_live()
        self.copy_parent()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"places", "places_filled"} & set(update_fields):
            kwargs["update_fields"] = update_fields = [*update_fields, "full"]
        if update_fields is not None and "live" in update_fields:
            kwargs["update_fields"] = [*update_fields, "live_copy"]
        result = super().save(*args, **kwargs)
        # The search index is updated from the post_save signal, which fires before
        # the cluster writes the topic choices; index again now they are written so
        # searching a topic's name finds the page (a task, like the signal's own).
        insert_or_update_object_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )
        return result

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
