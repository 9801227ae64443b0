"""Requests to publish an invitation's combined rung, and what became of them."""

from django.conf import settings
from django.db import models

from ladder.choices import PublicationStatus, ScoringRule


class PublicationQuerySet(models.QuerySet):
    def shown(self):
        """Publications on public pages: approved, current and from a live invitation."""
        return self.filter(status=Publication.Status.APPROVED, invitation__revoked_at__isnull=True)

    def in_history(self):
        """A partner's published history: every rung approved and not since withdrawn.

        A rung a newer approval replaced stays in the history (it was approved,
        and its date says it is not today's); one its lead contact withdrew,
        or from a revoked invitation, never shows.
        """
        return self.filter(
            status__in=[Publication.Status.APPROVED, Publication.Status.REPLACED],
            invitation__revoked_at__isnull=True,
        )


class Publication(models.Model):
    """A request to publish an invitation's combined rung, and what became of it.

    It keeps a snapshot of the combined result as it stood when the lead
    contact asked, so the moderator approves exactly what will be shown.
    Approving one replaces the partner's earlier approved rung.
    """

    # The enum lives in ladder.choices; the model keeps its usual name for it.
    Status = PublicationStatus

    invitation = models.ForeignKey(
        "ladder.Invitation", on_delete=models.CASCADE, related_name="publications"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.REQUESTED)
    rung = models.ForeignKey("ladder.Rung", on_delete=models.PROTECT, related_name="publications")
    rung_level = models.PositiveSmallIntegerField()
    rung_name = models.CharField(max_length=80)
    respondent_count = models.PositiveSmallIntegerField()
    assessed_on = models.DateField(help_text="The day of the latest answer counted.")
    themes = models.JSONField(default=list, blank=True, help_text="Each theme's combined rung.")
    scoring_rule = models.PositiveSmallIntegerField(
        choices=ScoringRule.choices,
        default=ScoringRule.THEMES_WITH_REQUIREMENTS,
        help_text="The rule the rung was scored under. A published rung keeps it.",
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(
        blank=True, help_text="Why it was declined, in words the lead contact will read."
    )
    ended_at = models.DateTimeField(
        null=True, blank=True, help_text="When it was withdrawn or replaced."
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = "publication request"
        permissions = [("decide_publication", "Can approve or decline publication of a rung")]

    def __str__(self):
        return f"Publication request {self.pk} ({self.get_status_display().lower()})"

    @property
    def is_pending(self):
        return self.status == self.Status.REQUESTED

    @property
    def is_shown(self):
        return self.status == self.Status.APPROVED
