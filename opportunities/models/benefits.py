"""Benefit rules: dated records editors keep current each April."""

from django.core.cache import cache
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from opportunities import benefit_notes
from opportunities.choices import Benefit

BENEFIT_ORDER = {value: position for position, value in enumerate(Benefit.values)}
SHORT_NAMES = {
    Benefit.ESA: "ESA",
    Benefit.JSA: "JSA",
    Benefit.PIP: "PIP",
}


# Every rule, read once and kept in the cache (Redis in production, so shared by
# every server) until a rule is saved or deleted. Each page's notes, its search
# entry and the board's benefits filter ask which rules are in force; rebuilding
# the search index asked the database several times per opportunity.
RULES_CACHE_KEY = "opportunities:benefit-rules"
RULES_CACHE_SECONDS = 10 * 60


class BenefitRuleQuerySet(models.QuerySet):
    def in_force(self, on_date):
        """The newest rule for each benefit on ``on_date`` (a list, in a fixed order)."""
        return benefit_notes.rules_in_force(self.filter(valid_from__lte=on_date), on_date)


class BenefitRuleManager(models.Manager.from_queryset(BenefitRuleQuerySet)):  # type: ignore[misc]
    def in_force(self, on_date):
        """The newest rule for each benefit on ``on_date``, from every rule kept in the cache."""
        rules = cache.get(RULES_CACHE_KEY)
        if rules is None:
            rules = list(self.all())
            cache.set(RULES_CACHE_KEY, rules, RULES_CACHE_SECONDS)
        return benefit_notes.rules_in_force(rules, on_date)


def forget_cached_rules(**kwargs):
    """A rule was saved or deleted: the next question reads them all again."""
    cache.delete(RULES_CACHE_KEY)


class BenefitRule(models.Model):
    """What one benefit allows from a given date.

    A new year's figures are a new rule with a later "valid from" date, so the
    old figures stay on record and pages starting before the change keep them.
    The site only ever says a benefit *may* be affected and points to advice.
    """

    benefit = models.CharField(
        max_length=30,
        choices=Benefit.choices,
        help_text="Which benefit this rule is about.",
    )
    valid_from = models.DateField(
        help_text=(
            "The date these figures start. Add a new rule each April rather than "
            "changing last year's, so older opportunities keep the figures of their time."
        )
    )
    affected_by_earnings = models.BooleanField(
        default=True,
        help_text="Untick for benefits that earnings do not change, such as PIP.",
    )
    what_counts = models.TextField(
        "what counts as earnings",
        blank=True,
        help_text=(
            "In plain words, for example 'Fees and vouchers count. Expenses paid back for "
            "real costs do not.'"
        ),
    )
    weekly_earnings_limit = models.DecimalField(
        "weekly earnings limit (£)",
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Leave blank if there is no weekly limit (as for Universal Credit).",
    )
    weekly_hours_limit = models.DecimalField(
        "weekly hours limit",
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text="Work must be UNDER this many hours a week, for example 16. Blank for none.",
    )
    note = models.TextField(
        "plain-English note",
        help_text=(
            "What may happen, in a sentence or two. Say 'may', never 'will'. "
            "This is shown to people beside the pay; it is not advice."
        ),
    )
    lead_time_weeks = models.PositiveSmallIntegerField(
        "warn when the start is within (weeks)",
        null=True,
        blank=True,
        help_text=(
            "For benefits that need a form before paid work starts (ESA's PW1): pages "
            "starting within this many weeks show a warning. Blank for none."
        ),
    )
    lead_time_note = models.CharField(
        "warning text",
        max_length=250,
        blank=True,
        help_text="For example 'If you get ESA, send form PW1 before you start.'",
    )
    link = models.URLField(
        "find out more",
        blank=True,
        help_text="A page that explains the rule, such as GOV.UK.",
    )

    objects = BenefitRuleManager()

    panels = [
        FieldPanel("benefit"),
        FieldPanel("valid_from"),
        FieldPanel("affected_by_earnings"),
        FieldPanel("what_counts"),
        MultiFieldPanel(
            [FieldPanel("weekly_earnings_limit"), FieldPanel("weekly_hours_limit")],
            heading="Weekly limits",
        ),
        FieldPanel("note"),
        MultiFieldPanel(
            [FieldPanel("lead_time_weeks"), FieldPanel("lead_time_note")],
            heading="Form needed before starting",
        ),
        FieldPanel("link"),
    ]

    class Meta:
        ordering = ["benefit", "-valid_from"]
        verbose_name = "benefit rule"
        constraints = [
            models.UniqueConstraint(
                fields=["benefit", "valid_from"], name="one_benefit_rule_per_benefit_and_date"
            )
        ]

    def __str__(self):
        return f"{self.get_benefit_display()} from {self.valid_from:%-d %B %Y}"

    @property
    def benefit_name(self):
        return self.get_benefit_display()

    @property
    def short_name(self):
        return SHORT_NAMES.get(self.benefit, self.get_benefit_display())

    @property
    def sort_order(self):
        return BENEFIT_ORDER.get(self.benefit, len(BENEFIT_ORDER))
