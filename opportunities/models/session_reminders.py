"""Which selected people were reminded of which day's session."""

from django.db import models


class SessionReminderSent(models.Model):
    """A selected person was reminded, the day before, of their session on
    ``session_date``: one row per person and day, so a reminder goes once
    however often the command runs. Nothing personal of its own; it goes with
    the expression of interest."""

    record = models.ForeignKey(
        "opportunities.ExpressionOfInterest",
        on_delete=models.CASCADE,
        related_name="session_reminders",
    )
    session_date = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["record", "session_date"], name="one_session_reminder_a_day"
            )
        ]

    def __str__(self):
        return f"Session reminder for {self.session_date}"
