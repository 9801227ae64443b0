"""The ladder's public pages: the ladder itself and the self-assessment."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ladder.invitations.routes import InvitationRoutes
from ladder.journey.routes import JourneyRoutes
from ladder.models.questionnaire import QuestionnaireVersion
from ladder.models.rungs import RICH_TEXT_FEATURES, Rung
from ladder.rung_requirements import public_requirements


class LadderPage(Page):
    """Explains the Ladder of Community Participation, top rung first."""

    introduction = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What the ladder is and why it matters. Shown above the ladder.",
    )
    after_ladder = RichTextField(
        "text after the ladder",
        blank=True,
        features=[*RICH_TEXT_FEATURES, "h2", "h3"],
        help_text="Optional. More about how we use the ladder, shown under it.",
    )
    self_assessment_heading = models.CharField(
        max_length=120,
        default="Where does your work sit on the ladder?",
        help_text="The heading of the box that invites people to the self-assessment.",
    )
    self_assessment_text = models.TextField(
        blank=True,
        default="Answer a few questions about how you involve people, and get advice on climbing.",
        help_text="One or two sentences under that heading.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["ladder.SelfAssessmentPage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("after_ladder"),
        MultiFieldPanel(
            [FieldPanel("self_assessment_heading"), FieldPanel("self_assessment_text")],
            heading="Invitation to the self-assessment",
        ),
    ]

    template = "pages/ladder/ladder_page.html"

    class Meta:
        verbose_name = "ladder page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["rungs"] = list(Rung.objects.live())
        self_assessment = SelfAssessmentPage.objects.child_of(self).live().public().first()
        context["self_assessment"] = self_assessment
        context["requirements"] = public_requirements(
            self_assessment.current_version() if self_assessment else None, context["rungs"]
        )
        return context


class SelfAssessmentPage(JourneyRoutes, InvitationRoutes, RoutablePageMixin, Page):
    """The start page of the self-assessment, and the journey's steps under it.

    The questions come from a :class:`~ladder.models.Questionnaire` snippet
    that only ladder managers can edit; each journey pins the questionnaire
    version it began on. Its addresses are the routes of the journey
    (``ladder.journey.routes``) and of invitations' lead contacts
    (``ladder.invitations.routes``).
    """

    introduction = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="What the self-assessment is and who it is for.",
    )
    time_needed = models.CharField(
        max_length=80,
        default="about 15 minutes",
        help_text="How long it takes, finishing the sentence 'It takes …'.",
    )
    what_happens_to_answers = RichTextField(
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text="Who sees the answers, how long they are kept, and that the result is private.",
    )
    questionnaire = models.ForeignKey(
        "ladder.Questionnaire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The questionnaire people answer. Ladder managers edit it under Ladder.",
    )

    max_count = 1
    parent_page_types = ["ladder.LadderPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("time_needed"),
        FieldPanel("what_happens_to_answers"),
        FieldPanel("questionnaire"),
    ]

    template = "pages/ladder/start.html"

    class Meta:
        verbose_name = "self-assessment page"

    def current_version(self):
        """The latest published version of the questionnaire, or None."""
        if self.questionnaire_id is None:
            return None
        return (
            QuestionnaireVersion.objects.filter(questionnaire_id=self.questionnaire_id)
            .order_by("-number")
            .first()
        )
