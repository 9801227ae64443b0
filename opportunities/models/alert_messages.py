"""The editable wording of search alerts (Settings > Alert messages)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.placeholders import Wording
from opportunities.models.interest_messages import validate_text

ALERT_SUBJECT = Wording({"organisation": "your organisation's name"}, what="subject")
ALERT_CONFIRMATION = Wording(
    {
        "organisation": "your organisation's name",
        "link": "the link that confirms the alerts",
        "not_me": "the link that deletes them ('this wasn't me')",
    },
    required=("link", "not_me"),
)
ALERT_CONFIRMATION_TEXT = Wording(
    {"organisation": "your organisation's name", "link": "the link that confirms the alerts"},
    required=("link",),
    what="text",
)
ALERT = Wording(
    {
        "organisation": "your organisation's name",
        "opportunities": "the new opportunities, one a line, each with its address",
        "count": "how many there are",
        "link": "their private page, to change or stop their alerts",
    },
    required=("opportunities", "link"),
)
ALERT_TEXT = Wording(
    {
        "organisation": "your organisation's name",
        "count": "how many there are",
        "link": "their private page, listing them, to change or stop their alerts",
    },
    required=("link",),
    what="text",
)


RENEWAL = Wording(
    {
        "organisation": "your organisation's name",
        "lapses": "the day the alerts stop, like 'Friday 12 June'",
        "link": "their private page, where they renew or stop the alerts",
    },
    required=("link",),
)
RENEWAL_TEXT = Wording(RENEWAL.placeholders, required=("link",), what="text")


def validate_renewal(text):
    RENEWAL.validate(text)


def validate_renewal_text(text):
    validate_text(RENEWAL_TEXT, text)


def validate_subject(text):
    ALERT_SUBJECT.validate(text)


def validate_confirmation(text):
    ALERT_CONFIRMATION.validate(text)


def validate_confirmation_text(text):
    validate_text(ALERT_CONFIRMATION_TEXT, text)


def validate_alert(text):
    ALERT.validate(text)


def validate_alert_text(text):
    validate_text(ALERT_TEXT, text)


@register_setting(icon="mail")
class AlertMessages(BaseGenericSetting):
    """What people who follow a search get: the confirmation, then the alerts."""

    confirmation_subject = models.CharField(
        max_length=200,
        default="Confirm your alerts from {organisation}",
        validators=[validate_subject],
        help_text="Says nothing about the search: whoever reads it learns only this.",
    )
    confirmation_body = models.TextField(
        default=(
            "Hello,\n\n"
            "Someone asked {organisation} to send alerts about new opportunities to this "
            "address. To start them, confirm here: {link}\n\n"
            "If this wasn't you, delete them here and you will hear nothing more: {not_me}\n\n"
            "{organisation}"
        ),
        validators=[validate_confirmation],
        help_text=ALERT_CONFIRMATION.describe() + ". It must contain {link} and {not_me}.",
    )
    confirmation_text = models.CharField(
        "confirmation text",
        max_length=200,
        default="{organisation}: confirm your alerts about new opportunities: {link} "
        "Not you? Ignore this.",
        validators=[validate_confirmation_text],
        help_text=ALERT_CONFIRMATION_TEXT.describe() + ". It must contain {link}.",
    )
    alert_subject = models.CharField(
        max_length=200,
        default="New opportunities like the ones you follow",
        validators=[validate_subject],
        help_text=ALERT_SUBJECT.describe() + ".",
    )
    alert_body = models.TextField(
        default=(
            "Hello,\n\n"
            "There are new opportunities like the ones you asked to hear about:\n\n"
            "{opportunities}\n\n"
            "To change your search, how often you hear, or to stop: {link}\n\n"
            "{organisation}"
        ),
        validators=[validate_alert],
        help_text=ALERT.describe() + ". It must contain {opportunities} and {link}.",
    )
    alert_text = models.CharField(
        "alert text",
        max_length=200,
        default="{organisation}: {count} new opportunities for your saved search. See them, "
        "or stop: {link}",
        validators=[validate_alert_text],
        help_text=ALERT_TEXT.describe() + ". It must contain {link}, and fit in two texts.",
    )

    renewal_subject = models.CharField(
        max_length=200,
        default="Keep your alerts from {organisation}?",
        validators=[validate_subject],
        help_text=ALERT_SUBJECT.describe() + ".",
    )
    renewal_body = models.TextField(
        default=(
            "Hello,\n\n"
            "Your alerts about new opportunities stop on {lapses}, a year after you "
            "started or renewed them. To keep them, or to stop them now: {link}\n\n"
            "If you do nothing, they stop and we delete your details.\n\n"
            "{organisation}"
        ),
        validators=[validate_renewal],
        help_text=RENEWAL.describe() + ". It must contain {link}.",
    )
    renewal_text = models.CharField(
        "renewal text",
        max_length=200,
        default="{organisation}: your alerts stop on {lapses}. To keep them: {link}",
        validators=[validate_renewal_text],
        help_text=RENEWAL_TEXT.describe() + ". It must contain {link}, and fit in two texts.",
    )

    panels = [
        HelpPanel(
            content=(
                "<p>People who said someone else may see their messages get a message that "
                "says only that there is news, with a private link.</p>"
            )
        ),
        MultiFieldPanel(
            [
                FieldPanel("confirmation_subject"),
                FieldPanel("confirmation_body"),
                FieldPanel("confirmation_text"),
            ],
            heading="Confirming",
        ),
        MultiFieldPanel(
            [FieldPanel("alert_subject"), FieldPanel("alert_body"), FieldPanel("alert_text")],
            heading="New opportunities",
        ),
        MultiFieldPanel(
            [FieldPanel("renewal_subject"), FieldPanel("renewal_body"), FieldPanel("renewal_text")],
            heading="Before they stop (two weeks before a year is up)",
        ),
    ]

    class Meta:
        verbose_name = "alert messages"
        verbose_name_plural = "alert messages"

    def __str__(self):
        return "Alert messages"
