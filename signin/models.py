"""The sign-in log: who signed in, who failed, who was locked out, and every
set-up and reset of a second factor."""

from django.conf import settings
from django.db import models

from signin.choices import SignInEventKind


class SignInEvent(models.Model):
    """One sign-in, failure, lockout, unlock, set-up or reset.

    Never a password or a code. ``username`` is the account's, kept if the
    account is deleted; for a failure with a username that matches no
    account it stays empty (what was typed could be a password typed into
    the wrong box). Read in the admin by superusers only, beside the
    personal data log; purged after ``SIGNIN_LOG_KEEP_DAYS``.
    """

    when = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True, db_index=True)
    kind = models.CharField(max_length=30, choices=SignInEventKind.choices, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-when"]
        verbose_name = "sign-in event"
        verbose_name_plural = "sign-in log"

    def __str__(self):
        return f"{self.get_kind_display()} ({self.when:%Y-%m-%d %H:%M})"
