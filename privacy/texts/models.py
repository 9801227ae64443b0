"""The record of each text message: what it is, where it stands, what went wrong."""

from django.db import models


class TextMessage(models.Model):
    """One text to one person, kept from queueing until the purge.

    The body is kept only until the text is sent or given up: it may carry a
    private link, whose token is otherwise stored only hashed. The number
    stays for the retention period (privacy/sources.py), so staff can answer
    "did you text me?". ``last_error`` never holds the number.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        WAITING = "waiting", "Waiting for the sending window"
        RETRYING = "retrying", "Failed, will try again"
        SENDING = "sending", "Sending"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    # Statuses a sending attempt may pick up (once ``next_attempt_at`` has come).
    DUE_STATUSES = (Status.QUEUED, Status.WAITING, Status.RETRYING)

    kind = models.CharField(
        max_length=50, help_text="Which message it is, e.g. 'interest confirmation'."
    )
    to = models.CharField("number", max_length=20, help_text="A UK mobile number. Personal data.")
    body = models.TextField(
        blank=True, help_text="The words, until it is sent or given up. Personal data."
    )
    any_hour = models.BooleanField(
        default=False, help_text="Ticked: the person asked for it, so it may go at night."
    )
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    provider_id = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "text message"

    def __str__(self):
        return f"Text message {self.pk} ({self.kind})"
