"""Self-assessments: drafts in progress and submitted results."""

from django.db import models
from django.utils import timezone

from home.private_links import hash_token, new_token
from ladder.choices import AssessmentStatus, Scope, ScoringRule, TookPart
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.models import ContactWishes


class SelfAssessmentQuerySet(models.QuerySet):
    def for_token(self, token):
        if not token or len(token) > 100:
            return self.none()
        return self.filter(token_hash=hash_token(token))

    def submitted(self):
        return self.filter(status=SelfAssessment.Status.SUBMITTED)


class SelfAssessment(ContactWishes):
    """One journey through the questionnaire, from draft to result.

    Contact details are optional ("about you"), with the person's contact
    wishes: only our team uses them, by hand; the site sends them nothing.

    The draft lives here, under a token only the respondent holds (the
    database keeps its hash), so a new device or a dropped connection loses
    nothing. Submitting scores it and keeps a snapshot of the texts, rungs
    and version, so the result reads the same after any later edit.
    """

    # The enum lives in ladder.choices; the model keeps its usual name for it.
    Status = AssessmentStatus
    contact_channels = (Channel.EMAIL, Channel.TEXT, Channel.CALL)

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    version = models.ForeignKey(
        "ladder.QuestionnaireVersion",
        on_delete=models.PROTECT,
        related_name="assessments",
        help_text="The questionnaire version this journey began on.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    partner = models.ForeignKey(
        "partners.PartnerPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The partner organisation, if the respondent chose one from our list.",
    )
    organisation_name = models.CharField(
        max_length=200, blank=True, help_text="The organisation, as the respondent named it."
    )
    scope_type = models.CharField("assessing", max_length=10, choices=Scope.choices, blank=True)
    scope_name = models.CharField("name of what is assessed", max_length=200, blank=True)
    role = models.CharField("respondent's role", max_length=120, blank=True)
    took_part = models.CharField(
        "how they answered", max_length=12, choices=TookPart.choices, blank=True
    )
    previous = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="retakes",
        help_text="The result this one was taken again from, to show the change since.",
    )
    answers = models.JSONField(
        default=dict, blank=True, help_text="Question id to answer id, or 'na'."
    )
    evidence = models.JSONField(default=dict, blank=True, help_text="Theme id to evidence text.")
    overall_rung = models.ForeignKey(
        "ladder.Rung",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="overall_results",
    )
    overall_level = models.PositiveSmallIntegerField(null=True, blank=True)
    scoring_rule = models.PositiveSmallIntegerField(
        choices=ScoringRule.choices,
        default=ScoringRule.THEMES_WITH_REQUIREMENTS,
        help_text="The rule this result was scored under. A result keeps it for ever.",
    )
    result = models.JSONField(
        default=dict, blank=True, help_text="Snapshot of texts, rungs and advice at submission."
    )
    reference = models.CharField(
        max_length=12,
        blank=True,
        help_text=(
            "Given when the result's link is first emailed: the second factor its "
            "neutral link asks for when someone else may read the person's email."
        ),
    )
    link_consented_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the person last asked us to email them their result's link.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    objects = SelfAssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        verbose_name = "self-assessment"

    def __str__(self):
        # No personal data: the audit log keeps this label after deletion.
        return f"Self-assessment {self.pk}"

    @classmethod
    def start(cls, version):
        """Begin a draft on ``version``; return it with its one-time plain token."""
        token, token_hash = new_token()
        assessment = cls.objects.create(token_hash=token_hash, version=version)
        return assessment, token

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED

    @property
    def organisation_label(self):
        if self.partner_id and self.partner:
            return self.partner.title
        return self.organisation_name

    def mark_submitted(self):
        self.status = self.Status.SUBMITTED
        self.submitted_at = timezone.now()


class ThemeResult(models.Model):
    """A submitted assessment's rung for one theme (for reports and combining)."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="theme_results"
    )
    position = models.PositiveSmallIntegerField()
    theme_key = models.CharField(max_length=64)
    theme_name = models.CharField(max_length=120)
    rung = models.ForeignKey(
        "ladder.Rung", null=True, blank=True, on_delete=models.PROTECT, related_name="theme_results"
    )
    rung_level = models.PositiveSmallIntegerField(null=True, blank=True)
    rung_name = models.CharField(max_length=80, blank=True)
    answered = models.PositiveSmallIntegerField(default=0)
    not_applicable = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assessment", "position"]

    def __str__(self):
        return f"{self.theme_name}: {self.rung_name or 'no rung'}"


class Answer(models.Model):
    """One submitted answer, with the texts and rung as they were at the time."""

    assessment = models.ForeignKey(
        SelfAssessment, on_delete=models.CASCADE, related_name="answer_records"
    )
    position = models.PositiveSmallIntegerField()
    theme_key = models.CharField(max_length=64)
    question_key = models.CharField(max_length=64)
    question_text = models.CharField(max_length=250)
    option_key = models.CharField(max_length=64, blank=True)
    option_label = models.CharField(max_length=250, blank=True)
    not_applicable = models.BooleanField(default=False)
    rung = models.ForeignKey(
        "ladder.Rung", null=True, blank=True, on_delete=models.PROTECT, related_name="answers"
    )
    rung_level = models.PositiveSmallIntegerField(null=True, blank=True)
    rung_name = models.CharField(max_length=80, blank=True)

    class Meta:
        ordering = ["assessment", "position"]

    def __str__(self):
        return f"Answer {self.position} of self-assessment {self.assessment_id}"
