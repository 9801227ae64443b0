"""People who asked to be reminded before an opportunity closes."""

from django.db import models

from home.private_links import DerivedPrivateLink
from opportunities.models.interest import wishes_key
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.models import ContactWishes


class ClosingReminder(DerivedPrivateLink, ContactWishes):
    """ "Remind me before it closes": one person, one opportunity, one reminder
    two days before its closing date (``send_closing_reminders``), by email or
    text as their contact wishes say.

    Personal data (it says which opportunity interests them), so: nothing
    personal in ``__str__``, reached by the person only through a hashed
    private link, deleted when they express interest in that opportunity
    (they no longer need it) and once the opportunity has closed
    (``opportunities/privacy.py``).
    """

    link_namespace = "opportunities.closing_reminder"  # the token's own: it opens nothing else

    contact_channels = (Channel.EMAIL, Channel.TEXT)

    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="closing_reminders",
    )
    reference = models.CharField(
        max_length=10,
        unique=True,
        editable=False,
        help_text="Asked for by their private link when someone else may see their messages.",
    )
    contact_key = models.CharField(
        max_length=260,
        editable=False,
        help_text="The contact detail in a standard form, so nobody is reminded twice.",
    )
    token_salt = models.CharField(max_length=64, editable=False)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the reminder went (once)."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "contact_key"], name="one_closing_reminder_per_contact"
            )
        ]

    def __str__(self):
        return f"Closing reminder {self.reference}"

    def save(self, *args, **kwargs):
        self.contact_key = wishes_key(self)
        return super().save(*args, **kwargs)
