"""Who looked at or exported people's personal data, and when; and the one
permission that lets staff see personal data at all."""

from django.conf import settings
from django.db import models

# Defined beside the code that sends texts, stored in this app.
from privacy.texts.models import TextMessage  # noqa: F401


class PersonalDataAccess(models.Model):
    """One view, export or erasure of personal records by a member of staff.

    It names the kind of record, the record's id and the count, never the
    person's details, so the log itself holds no personal data. Listed in the
    admin for superusers only (no group is given its model permissions).

    It also carries ``privacy.view_personal_data``, the one permission that
    means "may see people's personal data" (``privacy.permissions``): a
    custom permission needs a model, and this is the privacy app's only one.
    """

    class Action(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        EXPORTED = "exported", "Exported"
        ERASED = "erased", "Erased"
        SEARCHED = "searched", "Searched for a person"

    when = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    username = models.CharField(max_length=150, help_text="Kept if the account is deleted.")
    action = models.CharField(max_length=20, choices=Action.choices)
    record_type = models.CharField(max_length=100)
    record_id = models.CharField(max_length=64, blank=True)
    count = models.PositiveIntegerField(default=1)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-when"]
        verbose_name = "personal data access"
        verbose_name_plural = "personal data access log"
        permissions = [("view_personal_data", "Can see people's personal data")]

    def __str__(self):
        return f"{self.get_action_display()} {self.record_type} by {self.username}"

    @classmethod
    def record(cls, request, action, model, record_id="", count=1, detail=""):
        user = getattr(request, "user", None)
        authenticated = user is not None and user.is_authenticated
        return cls.objects.create(
            user=user if authenticated else None,
            username=user.get_username() if authenticated else "",
            action=action,
            record_type=model._meta.verbose_name_plural if count != 1 else model._meta.verbose_name,
            record_id=str(record_id or ""),
            count=count,
            detail=detail[:200],
        )
