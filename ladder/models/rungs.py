"""The rungs of the Ladder of Community Participation."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import DraftStateMixin, PreviewableMixin, RevisionMixin
from wagtail.search import index

from ladder import rung_preview
from ladder.choices import Band
from ladder.colours import ColourInput, validate_rung_colour
from ladder.models.questionnaire import QuestionnaireVersion

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def next_free_level():
    highest = Rung.objects.aggregate(highest=models.Max("level"))["highest"]
    return (highest or 0) + 1


class RungQuerySet(models.QuerySet):
    def live(self):
        """The rungs the public sees: published ones, with their published words."""
        return self.filter(live=True)


class Rung(DraftStateMixin, RevisionMixin, PreviewableMixin, index.Indexed, models.Model):
    """One rung of the ladder, ordered from the lowest (level 1) upwards.

    Rungs have drafts: saving a draft of a published rung keeps the row (what
    every public page reads) as it was and stores the change as a revision,
    until a Ladder manager publishes it. A rung never published is not
    ``live`` and is left out of every public query and chooser
    (``Rung.objects.live()``).

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
            ),
            validate_rung_colour,
        ],
        help_text=(
            "A colour for this rung on the ladder and on charts. It must be dark enough for "
            "the rung's number in white on it (4.5:1) and for chart bars on the page (3:1). "
            "Colour is always shown with the rung's name, never on its own."
        ),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="rung")

    objects = RungQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    panels = [
        FieldPanel("level"),
        FieldPanel("name"),
        FieldPanel("band"),
        FieldPanel("colour", widget=ColourInput),
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

    @property
    def revisions(self):
        return self._revisions

    preview_modes = [("", "The ladder page"), ("result", "A sample result")]

    def get_preview_template(self, request, mode_name):
        return rung_preview.TEMPLATES.get(mode_name, rung_preview.TEMPLATES[""])

    def get_preview_context(self, request, mode_name):
        """The published ladder with this rung as it is in the editor."""
        context = super().get_preview_context(request, mode_name)
        others = Rung.objects.live().exclude(pk=self.pk) if self.pk else Rung.objects.live()
        context.update(rung_preview.preview_context(self, list(others), mode_name))
        return context

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
