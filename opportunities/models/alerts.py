"""Alerts on a saved search: "tell me about new opportunities like these".

Personal data (the search can say a lot about someone), so: nothing personal
in ``__str__``, reached by the person only through a hashed private link
that asks the second factor when their messages may be read by someone else,
deleted when unconfirmed for 7 days or lapsed 12 months after confirming or
renewing (``opportunities/privacy.py``).
"""

from datetime import timedelta

from django.db import models
from django.db.models import Q
from django.utils import timezone

from home.private_links import DerivedPrivateLink
from opportunities.choices import AlertFrequency
from opportunities.models.interest import wishes_key
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.models import ContactWishes

UNCONFIRMED_DAYS = 7
LAPSES_AFTER = timedelta(days=365)


def _lapsed(now):
    cutoff = now - LAPSES_AFTER
    return Q(renewed_at__lte=cutoff) | Q(renewed_at__isnull=True, confirmed_at__lte=cutoff)


class SearchAlertQuerySet(models.QuerySet):
    def active(self, now=None):
        """Confirmed and not lapsed."""
        now = now or timezone.now()
        return self.filter(confirmed_at__isnull=False).exclude(_lapsed(now))

    def lapsing(self, now, within):
        """Active alerts that lapse within ``within`` and whose person was not
        asked to renew them since they were confirmed or renewed."""
        soon = now + within - LAPSES_AFTER
        lapsing = Q(renewed_at__lte=soon) | Q(renewed_at__isnull=True, confirmed_at__lte=soon)
        return self.active(now).filter(lapsing, renewal_reminded_at__isnull=True)

    def past_retention(self, now):
        """Unconfirmed for 7 days, or lapsed: 12 months after confirming or renewing."""
        unconfirmed = Q(confirmed_at__isnull=True, created_at__lt=now - timedelta(UNCONFIRMED_DAYS))
        return self.filter(unconfirmed | (Q(confirmed_at__isnull=False) & _lapsed(now)))


class SearchAlert(DerivedPrivateLink, ContactWishes):
    """One person following one filtered view of a board, by email or text."""

    link_namespace = "opportunities.search_alert"  # the token's own: it opens nothing else

    contact_channels = (Channel.EMAIL, Channel.TEXT)

    board = models.ForeignKey(
        "opportunities.OpportunityIndexPage", on_delete=models.CASCADE, related_name="alerts"
    )
    query = models.CharField(
        max_length=2000,
        blank=True,
        help_text="The board's filters and keywords, as in its address.",
    )
    frequency = models.CharField(
        max_length=10, choices=AlertFrequency.choices, default=AlertFrequency.IMMEDIATE
    )
    reference = models.CharField(max_length=10, unique=True, editable=False)
    contact_key = models.CharField(max_length=260, editable=False, db_index=True)
    token_salt = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    renewed_at = models.DateTimeField(null=True, blank=True)
    # The Monday of the week whose digest this alert's person was sent (or is
    # being sent): two digest runs at once claim a person once.
    digest_week = models.DateField(null=True, blank=True)
    renewal_reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When they were asked to renew (once a year)."
    )

    objects = SearchAlertQuerySet.as_manager()

    def __str__(self):
        return f"Search alert {self.reference}"

    def save(self, *args, **kwargs):
        self.contact_key = wishes_key(self)
        return super().save(*args, **kwargs)


class AlertSent(models.Model):
    """An alert told its person about an opportunity: never again. Nothing
    personal of its own; it goes with the alert."""

    alert = models.ForeignKey(SearchAlert, on_delete=models.CASCADE, related_name="sent")
    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="alerts_sent"
    )
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["alert", "opportunity"], name="one_alert_per_opportunity"
            )
        ]

    def __str__(self):
        return "Alert sent"


class AlertRunLock(models.Model):
    """A row locked (``select_for_update``) while the weekly digest runs, so
    two runs at once take turns (PostgreSQL; SQLite has one writer anyway)."""

    name = models.CharField(max_length=50, primary_key=True)

    def __str__(self):
        return self.name
