"""The ladder's editable settings: the invitation email and how long links work."""

import string

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

PLACEHOLDERS = {
    "lead_name": "the lead contact's name",
    "partner": "the partner's name",
    "scope": "what they are assessing",
    "organisation": "our organisation's name",
    "answer_link": "the link to share with everyone who answers",
    "lead_link": "the lead contact's own link",
    "expires": "the date the links stop taking answers",
}
REQUIRED_PLACEHOLDERS = ("answer_link", "lead_link")

DEFAULT_SUBJECT = "{organisation}: your invitation to assess {scope} on our ladder"
DEFAULT_BODY = """Hello {lead_name},

Thank you for agreeing to look at how {partner} involves people, using our Ladder of Community Participation. This invitation is for {scope}.

Please share this link with the people who will answer: staff, volunteers and the community members you work with. Each person answers on their own. It takes about 15 minutes, and nobody else sees their own answers:

{answer_link}

This second link is for you alone. It shows the combined result as answers arrive, where people's views differ, and lets you ask us to publish the result on your profile, or take it down again:

{lead_link}

The links take answers until {expires}.

With thanks,
{organisation}
"""


def placeholders_used(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@register_setting(icon="order")
class LadderSettings(BaseGenericSetting):
    """The invitation email and how long invitation links work."""

    DEFAULT_VALID_DAYS = 60

    invitation_subject = models.CharField(
        max_length=200,
        default=DEFAULT_SUBJECT,
        help_text="The subject of the invitation email. Words in {curly brackets} are filled in.",
    )
    invitation_body = models.TextField(
        default=DEFAULT_BODY,
        help_text=(
            "The invitation email. It must contain {answer_link} and {lead_link}. "
            "Words in {curly brackets} are filled in; see the list above."
        ),
    )
    invitation_valid_days = models.PositiveSmallIntegerField(
        "links work for (days)",
        default=DEFAULT_VALID_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(366)],
        help_text="How long a new invitation's links take answers, unless you set a date.",
    )

    panels = [
        HelpPanel(
            content="<p>You can use these in the subject and the email: "
            + ", ".join(f"<code>{{{name}}}</code> ({text})" for name, text in PLACEHOLDERS.items())
            + ".</p>"
        ),
        FieldPanel("invitation_subject"),
        FieldPanel("invitation_body"),
        FieldPanel("invitation_valid_days"),
    ]

    class Meta:
        verbose_name = "ladder invitations"

    def __str__(self):
        return "Ladder invitation settings"

    def clean(self):
        super().clean()
        errors = {}
        for field_name in ("invitation_subject", "invitation_body"):
            try:
                used = placeholders_used(getattr(self, field_name))
            except ValueError:
                errors[field_name] = "A curly bracket is not closed. Write {partner}, for example."
                continue
            unknown = sorted(used - set(PLACEHOLDERS))
            if unknown:
                errors[field_name] = (
                    f"We cannot fill in {{{unknown[0]}}}. Use only the words listed above."
                )
        if "invitation_body" not in errors:
            missing = [
                name
                for name in REQUIRED_PLACEHOLDERS
                if name not in placeholders_used(self.invitation_body)
            ]
            if missing:
                errors["invitation_body"] = (
                    "The email must contain " + " and ".join(f"{{{m}}}" for m in missing) + "."
                )
        if errors:
            raise ValidationError(errors)
