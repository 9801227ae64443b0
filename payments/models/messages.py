"""The editable wording of the message selected people get after their last
session, asking what happened (Settings > Feedback messages)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.placeholders import Wording

FEEDBACK_REQUEST = Wording(
    {
        "name": "the person's name",
        "reference": "their reference, like KMP-47X",
        "opportunity": "the opportunity's title",
        "organisation": "your organisation's name",
        "link": "their private link to answer",
        "contact": "your phone number and email, from Site settings",
    },
    required=("link",),
    what="message",
)
FEEDBACK_TEXT = Wording(FEEDBACK_REQUEST.placeholders, required=("link",), what="text")


def validate_feedback_request(text):
    FEEDBACK_REQUEST.validate(text)


def validate_feedback_text(text):
    FEEDBACK_TEXT.validate(text)


@register_setting(icon="mail")
class FeedbackMessages(BaseGenericSetting):
    """What selected people are sent after their last session, and a week
    later if they said they have not been paid yet."""

    ask_subject = models.CharField(
        max_length=200,
        default="How did it go? {opportunity}",
        validators=[validate_feedback_request],
        help_text="The subject of the email after the person's last session.",
    )
    ask_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "Thank you for taking part in {opportunity}.\n\n"
            "Have you been paid? Were you listened to? Five short questions, if you "
            "would like to answer them (you do not have to): {link}\n\n"
            "We use the answers to check partners pay on time and listen. We never "
            "show your name or comments to the partner.\n\n"
            "{organisation}"
        ),
        validators=[validate_feedback_request],
        help_text=FEEDBACK_REQUEST.describe() + ". It must contain {link}.",
    )
    ask_text = models.CharField(
        "text after the last session",
        max_length=200,
        default="{organisation}: thank you for taking part. Have you been paid? Tell us: {link}",
        validators=[validate_feedback_text],
        help_text="Texted when texts are safe. " + FEEDBACK_TEXT.describe() + ".",
    )
    again_subject = models.CharField(
        max_length=200,
        default="Have you been paid yet? {opportunity}",
        validators=[validate_feedback_request],
        help_text="A week after someone answered 'Not yet' (asked once only).",
    )
    again_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "A week ago you told us you had not been paid yet for {opportunity}. "
            "We have told our team. Has it arrived? You can change your answer here: "
            "{link}\n\n"
            "If you would like to talk about it: {contact}\n\n"
            "{organisation}"
        ),
        validators=[validate_feedback_request],
        help_text=FEEDBACK_REQUEST.describe() + ". It must contain {link}.",
    )

    panels = [
        HelpPanel(
            content=(
                "<p>Sent to selected people the day after their last session, in the ways "
                "their contact wishes allow. People who said a way is not safe get a "
                "message that says only that there is news.</p>"
            )
        ),
        MultiFieldPanel(
            [FieldPanel("ask_subject"), FieldPanel("ask_body"), FieldPanel("ask_text")],
            heading="After the last session",
        ),
        MultiFieldPanel(
            [FieldPanel("again_subject"), FieldPanel("again_body")],
            heading="A week after 'Not yet'",
        ),
    ]

    class Meta:
        verbose_name = "feedback messages"
        verbose_name_plural = "feedback messages"

    def __str__(self):
        return "Feedback messages"
