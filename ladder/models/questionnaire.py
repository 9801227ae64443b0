"""The questionnaire ladder managers build, and the versions publishing makes."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin

from ladder.blocks import QuestionnaireBlock


class Questionnaire(DraftStateMixin, RevisionMixin, models.Model):
    """The self-assessment's themes, questions and answers, edited as a snippet.

    A snippet rather than page fields so that only *Ladder managers* (who hold
    its model permissions) can change it, while *Editors* keep editing the
    pages around it. Publishing it records a :class:`QuestionnaireVersion`.
    """

    title = models.CharField(
        max_length=120,
        help_text="A name for your own reference, for example 'Self-assessment 2026'.",
    )
    themes = StreamField(
        QuestionnaireBlock(),
        help_text=(
            "Each theme is one step of the self-assessment. Add its questions, and for each "
            "question the answers, each matched to the rung of the ladder it shows."
        ),
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="questionnaire")

    panels = [FieldPanel("title"), FieldPanel("themes")]

    class Meta:
        verbose_name = "questionnaire"

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def structure(self):
        """The published questionnaire as plain data, keyed by the blocks' stable ids."""
        themes = []
        for theme in self.themes:
            if theme.block_type != "theme":
                continue
            value = theme.value
            questions = []
            for question in value["questions"].bound_blocks:
                options = [
                    {
                        "key": option.id,
                        "label": option.value["label"],
                        "rung_id": option.value["rung"].pk,
                    }
                    for option in question.value["options"].bound_blocks
                    if option.value.get("rung") is not None
                ]
                questions.append(
                    {
                        "key": question.id,
                        "text": question.value["text"],
                        "help_text": question.value.get("help_text") or "",
                        "allow_not_applicable": bool(question.value.get("allow_not_applicable")),
                        "options": options,
                    }
                )
            advice = {
                str(item["rung"].pk): item["advice"].source
                for item in value.get("advice") or []
                if item.get("rung") is not None
            }
            frozen = {
                "key": theme.id,
                "name": value["name"],
                "introduction": value.get("introduction") or "",
                "questions": questions,
                "advice": advice,
            }
            requirements = [
                {
                    "above_rung_id": item["above"].pk,
                    "at_least_rung_id": item["at_least"].pk,
                    "plain_words": item["plain_words"],
                }
                for item in value.get("requirements") or []
                if item.get("above") is not None and item.get("at_least") is not None
            ]
            # Only when there are some, so publishing an unchanged questionnaire
            # made before requirements existed makes no new version.
            if requirements:
                frozen["requirements"] = requirements
            themes.append(frozen)
        return {"themes": themes}

    def record_version(self, revision=None):
        """Make a new version if the published structure changed; return the latest."""
        structure = self.structure()
        latest = self.latest_version()
        if latest is not None and latest.structure == structure:
            return latest
        return QuestionnaireVersion.objects.create(
            questionnaire=self,
            number=(latest.number + 1) if latest else 1,
            structure=structure,
            revision=revision,
        )


class QuestionnaireVersion(models.Model):
    """A frozen copy of the questionnaire as it was published.

    A journey pins the version it started on and a result points to the
    version it answered, so an edit published later never disturbs either.
    """

    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.PROTECT, related_name="versions"
    )
    number = models.PositiveIntegerField(help_text="1 for the first version published, and so on.")
    structure = models.JSONField(help_text="Themes, questions and answers as published.")
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["questionnaire", "-number"]
        verbose_name = "questionnaire version"

    def __str__(self):
        return f"{self.questionnaire} – version {self.number}"

    @property
    def themes(self):
        return self.structure.get("themes", [])

    def requirements(self):
        """Each theme's rung requirements, as ``(theme, requirement)`` in theme order."""
        return [
            (theme, requirement)
            for theme in self.themes
            for requirement in theme.get("requirements", [])
        ]

    def rung_ids(self):
        ids = set()
        for _theme, requirement in self.requirements():
            ids.update((requirement["above_rung_id"], requirement["at_least_rung_id"]))
        for theme in self.themes:
            ids.update(int(pk) for pk in theme.get("advice", {}))
            for question in theme["questions"]:
                ids.update(option["rung_id"] for option in question["options"])
        return ids
