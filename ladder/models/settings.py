"""The ladder's editable settings: the invitation email, how long links work, and
the email that sends someone the link to their result."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import escape
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.placeholders import Wording

PLACEHOLDERS = {
    "lead_name": "the lead contact's name",
    "partner": "the partner's name",
    "scope": "what they are assessing",
    "organisation": "our organisation's name",
    "answer_link": "the link to share with everyone who answers",
    "lead_link": "the lead contact's own link",
    "expires": "the date the links stop taking answers",
}
INVITATION_SUBJECT = Wording(PLACEHOLDERS)
# Without both links the lead contact could neither share the invitation nor
# see the result.
INVITATION_BODY = Wording(PLACEHOLDERS, required=("answer_link", "lead_link"))

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


RESULT_LINK_PLACEHOLDERS = {
    "organisation": "our organisation's name",
    "link": "the private link to the result",
    "reference": "the person's reference, for when someone else may read their email",
    "sent_on": "the day the answers were sent",
}
RESULT_LINK_SUBJECT = Wording(RESULT_LINK_PLACEHOLDERS)
# Without the link the email has nothing to keep.
RESULT_LINK_BODY = Wording(RESULT_LINK_PLACEHOLDERS, required=("link",))

# Demo wording, for the lived-experience team to review before launch.
DEFAULT_RESULT_LINK_SUBJECT = "{organisation}: the link to your self-assessment result"
DEFAULT_RESULT_LINK_BODY = """Hello,

You asked us to email you the link to your Ladder self-assessment result from {sent_on}. Here it is:

{link}

Anyone with this link can see the result, so keep this email safe. From the result you can download it as a PDF, or take the self-assessment again to see what has changed.

Your reference is {reference}.

With thanks,
{organisation}
"""


def validate_result_link_subject(text):
    RESULT_LINK_SUBJECT.validate(text)


def validate_result_link_body(text):
    RESULT_LINK_BODY.validate(text)


def validate_invitation_subject(text):
    INVITATION_SUBJECT.validate(text)


def validate_invitation_body(text):
    INVITATION_BODY.validate(text)


@register_setting(icon="order")
class LadderSettings(BaseGenericSetting):
    """The invitation email and how long invitation links work."""

    DEFAULT_VALID_DAYS = 60

    invitation_subject = models.CharField(
        max_length=200,
        default=DEFAULT_SUBJECT,
        validators=[validate_invitation_subject],
        help_text="The subject of the invitation email. Words in {curly brackets} are filled in.",
    )
    invitation_body = models.TextField(
        default=DEFAULT_BODY,
        validators=[validate_invitation_body],
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

    result_link_subject = models.CharField(
        max_length=200,
        default=DEFAULT_RESULT_LINK_SUBJECT,
        validators=[validate_result_link_subject],
        help_text=(
            "The subject of the email that sends someone the link to their result. "
            "Words in {curly brackets} are filled in."
        ),
    )
    result_link_body = models.TextField(
        default=DEFAULT_RESULT_LINK_BODY,
        validators=[validate_result_link_body],
        help_text=(
            "The email that sends someone the link to their result, when they ask for it. "
            "It must contain {link}. When someone else may read their email, we send a "
            "neutral message instead, which names nothing."
        ),
    )

    panels = [
        HelpPanel(content=f"<p>{escape(INVITATION_BODY.describe())}.</p>"),
        FieldPanel("invitation_subject"),
        FieldPanel("invitation_body"),
        FieldPanel("invitation_valid_days"),
        HelpPanel(content=f"<p>{escape(RESULT_LINK_BODY.describe())}.</p>"),
        FieldPanel("result_link_subject"),
        FieldPanel("result_link_body"),
    ]

    class Meta:
        verbose_name = "ladder invitations"

    def __str__(self):
        return "Ladder invitation settings"
