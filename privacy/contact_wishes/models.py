"""The abstract model of a person's contact wishes, inherited by every record
that holds contact details (an expression of interest, a self-assessment's
"about you", an invitation's lead contact)."""

from django.db import models

from privacy.contact_wishes.channels import DETAIL_FIELD, Channel, Wish
from privacy.contacts import normalise_phone


class ContactWishes(models.Model):
    """How a person may be reached and, per way, whether it is safe if someone
    else sees or hears it. Unset means "no" and "not safe": nothing is sent
    on a channel the person did not choose, and nothing revealing on one they
    did not call safe.

    ``contact_channels`` names the ways a kind of record offers (its form asks
    only about those).
    """

    contact_channels: tuple[str, ...] = tuple(Channel)

    contact_email = models.EmailField(
        "email address", blank=True, help_text="Their email address. Personal data."
    )
    contact_phone = models.CharField(
        "phone number",
        max_length=30,
        blank=True,
        help_text="Their phone number, for texts and calls. Personal data.",
    )
    support_worker = models.CharField(
        "support worker",
        max_length=254,
        blank=True,
        help_text="Their support worker's name, and how to reach them. Personal data.",
    )
    email_ok = models.BooleanField(
        "may email", default=False, help_text="Ticked: they allow emails."
    )
    email_safe = models.BooleanField(
        "email is safe",
        default=False,
        help_text="Ticked: it is fine if someone else reads our emails to them.",
    )
    text_ok = models.BooleanField("may text", default=False, help_text="Ticked: they allow texts.")
    text_safe = models.BooleanField(
        "texts are safe",
        default=False,
        help_text="Ticked: it is fine if someone else sees our texts to them.",
    )
    call_ok = models.BooleanField(
        "may call", default=False, help_text="Ticked: they allow phone calls."
    )
    call_safe = models.BooleanField(
        "calls are safe",
        default=False,
        help_text="Ticked: fine if someone else answers, or to leave a voicemail.",
    )
    support_worker_ok = models.BooleanField(
        "may contact through support worker",
        default=False,
        help_text="Ticked: they allow us to reach them through their support worker.",
    )
    support_worker_safe = models.BooleanField(
        "support worker may know",
        default=False,
        help_text="Ticked: their support worker may know what it is about.",
    )

    class Meta:
        abstract = True

    def detail_for(self, channel):
        return getattr(self, DETAIL_FIELD[channel]) or ""

    def may_use(self, channel):
        """Whether the person said we may use ``channel``, and gave its detail."""
        return bool(getattr(self, f"{channel}_ok") and self.detail_for(channel))

    def is_safe(self, channel):
        """Whether a message on ``channel`` may say what it is about."""
        return self.may_use(channel) and bool(getattr(self, f"{channel}_safe"))

    def wish_for(self, channel):
        if not getattr(self, f"{channel}_ok"):
            return Wish.NO
        return Wish.SAFE if getattr(self, f"{channel}_safe") else Wish.PRIVATE

    def usable_channels(self):
        return [channel for channel in self.contact_channels if self.may_use(channel)]

    @property
    def can_email(self):
        return self.may_use(Channel.EMAIL)

    @property
    def needs_second_factor(self):
        """A private link whose messages someone else might read asks for a
        second factor (``privacy.contact_wishes.second_factor``) before it
        shows anything."""
        return any(not self.is_safe(channel) for channel in self.usable_channels())

    @property
    def phone_last_three(self):
        return normalise_phone(self.contact_phone)[-3:]

    @property
    def contact_wishes_summary(self):
        """The wishes in a line, for staff: "Email (private), Phone call"."""
        parts = [
            f"{Channel(channel).label}{'' if self.is_safe(channel) else ' (private)'}"
            for channel in self.usable_channels()
        ]
        return ", ".join(parts) or "No way to contact them"
