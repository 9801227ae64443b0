"""Expressions of interest: special-category data, so collected sparingly.

Interest in an opportunity "for people with experience of prison" reveals
that experience. These records are shown only to the Personal data group,
carry nothing personal in ``__str__`` (Wagtail's audit log keeps labels after
deletion), are reached by the person only through a hashed, expiring token,
and are deleted a set time after their opportunity closes
(``manage.py purge_personal_data``).
"""

import re
import secrets
import string

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

# No vowels (no words), no 0/O or 1/I (no misreading over the phone).
REFERENCE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789"


def new_reference():
    """A short reference a person can read out on the phone, like 'KMP-47X'."""
    characters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{characters[:3]}-{characters[3:]}"


def normalise_phone(number):
    """Digits only, with a UK +44 prefix turned into the leading 0."""
    digits = re.sub(r"\D", "", number or "")
    if digits.startswith("44") and len(digits) >= 12:
        digits = "0" + digits[2:]
    return digits


def contact_key(method, detail):
    """The same person's contact detail, however they typed it.

    Used to spot duplicates and to answer access and erasure requests: an
    email is compared in lower case; a phone number (for calls or texts) by
    its digits.
    """
    if method == ExpressionOfInterest.ContactMethod.EMAIL:
        return "email:" + (detail or "").strip().lower()
    return "phone:" + normalise_phone(detail)


class ExpressionOfInterest(models.Model):
    """One person's interest in one opportunity, and what happened next."""

    class ContactMethod(models.TextChoices):
        EMAIL = "email", "Email"
        PHONE = "phone", "Phone call"
        TEXT = "text", "Text message"

    class Status(models.TextChoices):
        NEW = "new", "New"
        CONTACTED = "contacted", "Contacted"
        SELECTED = "selected", "Selected"
        NOT_SELECTED = "not_selected", "Not selected"
        WITHDRAWN = "withdrawn", "Withdrawn"

    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        on_delete=models.CASCADE,
        related_name="expressions_of_interest",
        help_text="The opportunity this person is interested in.",
    )
    reference = models.CharField(
        max_length=10,
        unique=True,
        editable=False,
        help_text="The short reference the person was given. Ask for it on the phone.",
    )
    opportunity_title = models.CharField(
        "opportunity (as it was)",
        max_length=255,
        editable=False,
        help_text="The opportunity's title when the person sent this.",
    )

    # What the person told us
    name = models.CharField(max_length=200, help_text="Personal data.")
    contact_method = models.CharField(
        "how to contact them",
        max_length=10,
        choices=ContactMethod.choices,
        help_text="How the person asked to be contacted.",
    )
    contact_detail = models.CharField(
        max_length=254, help_text="Their email address or phone number. Personal data."
    )
    contact_key = models.CharField(
        max_length=260,
        editable=False,
        db_index=True,
        help_text="The contact detail in a standard form, to spot duplicates.",
    )
    safe_to_leave_message = models.BooleanField(
        "safe to leave a message",
        default=False,
        help_text="If not ticked, never leave a voicemail or a message someone else may see.",
    )
    on_behalf_of = models.BooleanField(
        "filled in for someone else",
        default=False,
        help_text="Someone filled this in for the person who is interested.",
    )
    on_behalf_of_name = models.CharField(
        "name of the person it is for",
        max_length=200,
        blank=True,
        help_text="The name of the person who is interested, when someone filled it in for them.",
    )
    access_needs = models.TextField(
        blank=True,
        help_text="Only kept when the person agreed to it, to arrange support. Personal data.",
    )
    access_needs_consent = models.BooleanField(
        "agreed to us keeping access needs",
        default=False,
        help_text="The person ticked the box to let us keep their access needs.",
    )
    anything_else = models.TextField(blank=True, help_text="Anything else they told us.")
    consent = models.BooleanField(
        default=False,
        help_text="The person agreed to us keeping these details for this opportunity.",
    )
    wants_outcome = models.BooleanField(
        "tell them what changed",
        default=False,
        help_text="The person asked to hear what changed when the outcome is published.",
    )

    # Following up
    status = models.CharField(
        max_length=20,
        choices=Status.choices,
        default=Status.NEW,
        db_index=True,
        help_text="Where this is up to. Selected people count towards the places.",
    )
    editor_note = models.TextField(
        blank=True,
        help_text=(
            "For the team: what was agreed, when you called. Keep it short and factual; "
            "the person can ask to see it."
        ),
    )
    status_changed_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the status last changed."
    )
    message_sent_for = models.CharField(
        "status message sent for",
        max_length=20,
        blank=True,
        editable=False,
        help_text="The status whose message was last emailed to the person.",
    )
    message_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When that status message was sent."
    )
    outcome_notice_sent_at = models.DateTimeField(
        "told what changed on",
        null=True,
        blank=True,
        editable=False,
        help_text="When the outcome email was sent (it is sent only once).",
    )

    # The private link: only its hash is kept, and it expires.
    token_hash = models.CharField(
        max_length=64, unique=True, editable=False, help_text="Hash of the private link."
    )
    token_expires_at = models.DateTimeField(
        editable=False, help_text="After this the private link stops working."
    )

    created_at = models.DateTimeField(
        "sent", auto_now_add=True, db_index=True, help_text="When the person sent it."
    )
    updated_at = models.DateTimeField(auto_now=True, help_text="When it last changed.")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        constraints = [
            # The same person cannot be stored twice for one opportunity, even
            # when two submissions race each other.
            models.UniqueConstraint(
                fields=["opportunity", "contact_key"], name="one_interest_per_contact"
            )
        ]

    def __str__(self):
        # The reference only: this label outlives the record in the audit log.
        return f"Expression of interest {self.reference}"

    def save(self, *args, **kwargs):
        self.contact_key = contact_key(self.contact_method, self.contact_detail)
        if not self.access_needs_consent:
            self.access_needs = ""
        return super().save(*args, **kwargs)

    @property
    def person_name(self):
        """The person who is interested (not whoever filled the form in for them)."""
        return self.on_behalf_of_name if self.on_behalf_of and self.on_behalf_of_name else self.name

    @property
    def has_email(self):
        return self.contact_method == self.ContactMethod.EMAIL


# Editable status messages --------------------------------------------------

PLACEHOLDERS = {
    "name": "the person's name",
    "reference": "their reference, like KMP-47X",
    "opportunity": "the opportunity's title",
    "opportunity_url": "the address of the opportunity's page",
    "organisation": "your organisation's name",
    "contact": "your phone number and email, from Site settings",
}
PLACEHOLDER_HELP = "You can use " + ", ".join(
    "{" + key + "} for " + meaning for key, meaning in PLACEHOLDERS.items()
)


def validate_placeholders(text):
    """Refuse placeholders the site cannot fill in, and stray braces."""
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text or "") if field]
    except ValueError as error:
        raise ValidationError(
            "Curly brackets are only for placeholders such as {name}. Check each { has a }."
        ) from error
    unknown = sorted({field for field in fields if field not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            "The site cannot fill in %(unknown)s. " + PLACEHOLDER_HELP + ".",
            params={"unknown": ", ".join("{" + name + "}" for name in unknown)},
        )


def fill_placeholders(text, values):
    return (text or "").format_map({key: values.get(key, "") for key in PLACEHOLDERS})


@register_setting(icon="mail")
class InterestMessages(BaseGenericSetting):
    """The emails people get when their status changes and when the outcome is published.

    Sent only when an editor chooses to send them (status) or when the outcome
    is published (to those who asked), never automatically on a status change.
    """

    selected_subject = models.CharField(
        max_length=200,
        default="You have a place: {opportunity}",
        validators=[validate_placeholders],
        help_text="The subject line for people who were selected.",
    )
    selected_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "Thank you for your interest in {opportunity} (reference {reference}).\n\n"
            "We are glad to offer you a place. We will be in touch soon to agree the "
            "details, including payment and any support you need.\n\n"
            "If you have questions, contact us: {contact}\n\n"
            "{organisation}"
        ),
        validators=[validate_placeholders],
        help_text=PLACEHOLDER_HELP + ".",
    )
    not_selected_subject = models.CharField(
        max_length=200,
        default="About {opportunity}",
        validators=[validate_placeholders],
        help_text="The subject line for people who were not selected.",
    )
    not_selected_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "Thank you for your interest in {opportunity} (reference {reference}).\n\n"
            "This time we could not offer you a place. This is not a judgement on you "
            "or your experience: there were more people than places.\n\n"
            "Please look at our other opportunities: {opportunity_url}\n\n"
            "If you would like to talk about it, contact us: {contact}\n\n"
            "{organisation}"
        ),
        validators=[validate_placeholders],
        help_text=PLACEHOLDER_HELP + ".",
    )
    outcome_subject = models.CharField(
        max_length=200,
        default="What changed: {opportunity}",
        validators=[validate_placeholders],
        help_text="The subject line of the email telling people what changed.",
    )
    outcome_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "You asked us to tell you what changed as a result of {opportunity}.\n\n"
            "We have now published it here: {opportunity_url}\n\n"
            "Thank you for your interest.\n\n"
            "{organisation}"
        ),
        validators=[validate_placeholders],
        help_text=PLACEHOLDER_HELP + ". Sent once, when the outcome is published.",
    )

    panels = [
        HelpPanel(
            content=(
                "<p>These emails go only to people who gave an email address. Status "
                "messages are sent when you choose 'Change status' and tick 'Email the "
                "status message'. The outcome email goes once to people who asked, when "
                "you publish an opportunity's 'What changed as a result'.</p>"
            )
        ),
        MultiFieldPanel(
            [FieldPanel("selected_subject"), FieldPanel("selected_body")], heading="Selected"
        ),
        MultiFieldPanel(
            [FieldPanel("not_selected_subject"), FieldPanel("not_selected_body")],
            heading="Not selected",
        ),
        MultiFieldPanel(
            [FieldPanel("outcome_subject"), FieldPanel("outcome_body")],
            heading="What changed (outcome)",
        ),
    ]

    class Meta:
        verbose_name = "interest messages"
        verbose_name_plural = "interest messages"

    def __str__(self):
        return "Interest messages"

    def message_for(self, kind):
        """(subject, body) templates for 'selected', 'not_selected' or 'outcome'."""
        return getattr(self, f"{kind}_subject"), getattr(self, f"{kind}_body")


class InterestRoutes(RoutablePageMixin):
    """The interest form, its confirmation and the private status page, at
    addresses under the opportunity's own (``<opportunity>/interest/...``).

    A page of its own, rather than a form inside the opportunity page: the
    error summary then sits at the top of the form where GOV.UK puts it, the
    page that echoes typed details back can be served ``no-store``, and the
    opportunity page itself stays free of session cookies and CSRF tokens.
    """

    @path("interest/", name="interest")
    def interest_form_route(self, request):
        from opportunities import interest_views

        return interest_views.interest_form(request, self)

    @path("interest/sent/", name="interest_sent")
    def interest_sent_route(self, request):
        from opportunities import interest_views

        return interest_views.interest_sent(request, self)

    @path("interest/status/<str:token>/", name="interest_status")
    def interest_status_route(self, request, token):
        from opportunities import interest_views

        return interest_views.interest_status(request, self, token)

    @path("interest/status/<str:token>/withdraw/", name="interest_withdraw")
    def interest_withdraw_route(self, request, token):
        from opportunities import interest_views

        return interest_views.interest_withdraw(request, self, token)
