"""What a selected person says after their last session, and a partner's
short response to its own record.

Answers about an opportunity for people with a given experience reveal that
experience: special-category data, kept only with the person's explicit
consent, shown only to the Personal data group, and counted in a partner's
record only in groups of at least 5 people (``payments.partner_record``).
"""

from datetime import timedelta

from django.db import models
from django.utils import timezone

from home.private_links import DerivedPrivateLink
from payments.choices import BeenPaid, ExpensesOnTime, ToldWhatChanged, YesPartlyNo

CHANGEABLE_DAYS = 30  # answers can be changed through the link this long after the first
ASK_AGAIN_DAYS = 7  # "Not yet" is asked again this long after it was given

QUESTIONS = (
    ("been_paid", "Have you been paid?", BeenPaid),
    ("expenses_on_time", "Were your expenses paid when promised?", ExpensesOnTime),
    ("as_described", "Was it as described?", YesPartlyNo),
    ("listened_to", "Did you feel listened to?", YesPartlyNo),
    ("told_what_changed", "Have they told you what changed?", ToldWhatChanged),
)


class Feedback(DerivedPrivateLink, models.Model):
    """One selected person's answers about one opportunity, through a private link.

    Made when the message after their last session is sent; the answers stay
    blank until the person gives them (answering is optional).
    """

    link_namespace = "payments.feedback"  # the token's own: it opens nothing else

    interest = models.OneToOneField(
        "opportunities.ExpressionOfInterest", on_delete=models.CASCADE, related_name="feedback"
    )
    reference = models.CharField(max_length=10, editable=False)
    asked_at = models.DateTimeField(help_text="When the message after the last session was sent.")
    answered_at = models.DateTimeField(null=True, blank=True, editable=False)
    changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    asked_again_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When 'Not yet' was asked again (once only) and the team told.",
    )
    consent = models.BooleanField(
        "agreed to us keeping these answers",
        default=False,
        help_text="Explicit consent: the answers are saved only with it.",
    )
    been_paid = models.CharField(max_length=10, choices=BeenPaid.choices, blank=True)
    expenses_on_time = models.CharField(max_length=10, choices=ExpensesOnTime.choices, blank=True)
    as_described = models.CharField(max_length=10, choices=YesPartlyNo.choices, blank=True)
    listened_to = models.CharField(max_length=10, choices=YesPartlyNo.choices, blank=True)
    told_what_changed = models.CharField(max_length=10, choices=ToldWhatChanged.choices, blank=True)
    comment = models.TextField(blank=True, help_text="Never shown outside the team.")
    may_quote = models.BooleanField(
        "may be quoted without their name",
        default=False,
        help_text="Only for later public work; nothing is published from this yet.",
    )

    token_salt = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)

    class Meta:
        ordering = ["-asked_at"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"Feedback {self.reference}"

    @property
    def answered(self):
        return self.answered_at is not None

    @property
    def changeable_until(self):
        if self.answered_at is None:
            return None
        return self.answered_at + timedelta(days=CHANGEABLE_DAYS)

    def can_change(self, now=None):
        until = self.changeable_until
        return until is None or (now or timezone.now()) <= until

    def link_works(self, now=None):
        """Open until answered and for 30 days after the first answer; an
        unanswered link lasts as long as the record."""
        return self.can_change(now)


class PartnerResponse(models.Model):
    """A partner's short response to its own record for one period, written by
    its lead contact before anything is ever published."""

    partner = models.ForeignKey(
        "partners.PartnerPage", on_delete=models.CASCADE, related_name="record_responses"
    )
    period = models.CharField(max_length=10, help_text="For example '2026' or '2026 Q3'.")
    text = models.TextField(max_length=1000)
    written_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partner", "period"], name="one_response_a_period")
        ]

    def __str__(self):
        return f"Response for {self.period}"
