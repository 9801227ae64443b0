"""The rungs of the Ladder of Community Participation."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from ladder.choices import Band
from ladder.models.questionnaire import QuestionnaireVersion

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def next_free_level():
    highest = Rung.objects.aggregate(highest=models.Max("level"))["highest"]
    return (highest or 0) + 1


class Rung(index.Indexed, models.Model):
    """One rung of the ladder, ordered from the lowest (level 1) upwards.

    ``level`` is the order. It has no unique constraint on purpose: dragging a
    rung in the admin list shifts the others' levels one at a time, which a
    unique index would refuse half-way. The form refuses a level another rung
    already holds instead. A rung that any answer or result points to cannot
    be deleted (the foreign keys to it PROTECT), so old results stay readable.
    """

    level = models.PositiveSmallIntegerField(
        default=next_free_level,
        help_text=(
            "Where the rung sits: 1 is the bottom of the ladder. To change the order, "
            "drag the rungs in the list of rungs."
        ),
    )
    name = models.CharField(
        max_length=80, help_text="A short name, for example 'Consulted' or 'Shared decisions'."
    )
    short_description = models.CharField(
        max_length=200,
        help_text="One plain sentence that says what this rung means. Shown on the ladder.",
    )
    long_description = models.TextField(
        blank=True, help_text="A fuller explanation, in a short paragraph or two."
    )
    in_practice = RichTextField(
        "what it looks like in practice",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Everyday examples of work at this rung, so people recognise it.",
    )
    how_to_climb = RichTextField(
        "how to climb to the next rung",
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=(
            "General advice for moving up from this rung. Shown on results unless a theme "
            "has its own advice. Leave blank on the top rung."
        ),
    )
    band = models.CharField(
        max_length=20,
        choices=Band.choices,
        help_text="The wider group this rung belongs to.",
    )
    colour = models.CharField(
        max_length=7,
        default="#1d70b8",
        validators=[
            RegexValidator(
                r"^#[0-9a-fA-F]{6}$", "Enter a colour as # and six letters or digits, like #1d70b8."
            )
        ],
        help_text=(
            "A colour for this rung on charts, like #1d70b8. Colour is always shown with "
            "the rung's name, never on its own."
        ),
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    panels = [
        FieldPanel("level"),
        FieldPanel("name"),
        FieldPanel("band"),
        FieldPanel("colour"),
        MultiFieldPanel(
            [
                FieldPanel("short_description"),
                FieldPanel("long_description"),
                FieldPanel("in_practice"),
                FieldPanel("how_to_climb"),
            ],
            heading="What the rung means",
        ),
    ]

    class Meta:
        ordering = ["level", "pk"]
        verbose_name = "rung"

    def __str__(self):
        return f"{self.level}. {self.name}"

    def clean(self):
        super().clean()
        if self.level is not None:
            clash = Rung.objects.filter(level=self.level).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError(
                    {
                        "level": (
                            f"Level {self.level} is already the rung '{clash.name}'. "
                            "Choose a free level, or drag the rungs in the list to reorder them."
                        )
                    }
                )

    @property
    def band_label(self):
        return Band(self.band).label if self.band in Band.values else ""

    def uses(self):
        """Say what relies on this rung, in words, or return "" if nothing does."""
        parts = []
        answers = self.answers.count()
        if answers:
            parts.append(f"{answers} answer{'s' if answers != 1 else ''} chose it")
        results = self.theme_results.count() + self.overall_results.count()
        if results:
            parts.append(f"{results} result{'s' if results != 1 else ''} show it")
        versions = sum(
            1 for version in QuestionnaireVersion.objects.all() if self.pk in version.rung_ids()
        )
        if versions:
            parts.append(
                f"{versions} published questionnaire version{'s' if versions != 1 else ''} use it"
            )
        return " and ".join(parts)
