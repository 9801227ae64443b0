"""The editable wording of "Remind me before it closes" (Settings > Closing reminders)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.placeholders import Wording
from opportunities.models.interest_messages import validate_text

CLOSING_REMINDER = Wording(
    {
        "opportunity": "the opportunity's title",
        "closes": "when it closes, like 'Friday 12 June at 5pm'",
        "opportunity_url": "the address of the opportunity's page, to say you are interested",
        "organisation": "your organisation's name",
        "link": "their private link, to open the opportunity or stop the reminder",
    },
    required=("link",),
    what="reminder",
)
CLOSING_REMINDER_TEXT = Wording(
    {
        name: help
        for name, help in CLOSING_REMINDER.placeholders.items()
        if name != "opportunity_url"
    },
    required=("link",),
    what="text",
)


def validate_closing_reminder(text):
    CLOSING_REMINDER.validate(text)


def validate_closing_reminder_text(text):
    """Placeholders as offered, and two texts at most with a long title and link."""
    validate_text(CLOSING_REMINDER_TEXT, text)


@register_setting(icon="time")
class ClosingReminderMessages(BaseGenericSetting):
    """What people who asked "Remind me before it closes" get, two days before."""

    subject = models.CharField(
        max_length=200,
        default="Closing soon: {opportunity}",
        validators=[validate_closing_reminder],
        help_text="The subject of the reminder email.",
    )
    body = models.TextField(
        default=(
            "Hello,\n\n"
            "You asked us to remind you: {opportunity} closes {closes}.\n\n"
            "To tell us you are interested, go to {opportunity_url}\n\n"
            "This is the only reminder we send. To see it again, or if you did not ask for "
            "it: {link}\n\n"
            "{organisation}"
        ),
        validators=[validate_closing_reminder],
        help_text=CLOSING_REMINDER.describe() + ". It must contain {link}.",
    )
    text = models.CharField(
        "text message",
        max_length=200,
        default="{organisation}: {opportunity} closes {closes}. {link}",
        validators=[validate_closing_reminder_text],
        help_text=(
            "Texted to people who chose texts and said texts are safe. "
            + CLOSING_REMINDER_TEXT.describe()
            + ". It must contain {link}, and fit in two texts."
        ),
    )

    panels = [
        HelpPanel(
            content=(
                "<p>Sent once, two days before an opportunity closes, to people who asked "
                "on its page. Nobody who has since said they are interested gets it. People "
                "who said someone else may see their messages get a message that says only "
                "that there is news, with a private link.</p>"
            )
        ),
        FieldPanel("subject"),
        FieldPanel("body"),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = "closing reminders"
        verbose_name_plural = "closing reminders"

    def __str__(self):
        return "Closing reminder messages"
