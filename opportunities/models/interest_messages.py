"""The editable wording of the emails and texts people get about their interest.

Editors change the words in Settings > Interest messages; the placeholders
below are filled in for each person when a message is sent.
"""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from home.placeholders import Wording
from privacy.texts.length import MOST_PARTS, most_characters, text_length

CALENDAR_HELP = (
    "a line with the link that adds their sessions to their calendar (only for "
    "selected people with sessions to come; empty for anyone else)"
)
INTEREST_MESSAGE = Wording(
    {
        "name": "the person's name",
        "reference": "their reference, like KMP-47X",
        "opportunity": "the opportunity's title",
        "opportunity_url": "the address of the opportunity's page",
        "organisation": "your organisation's name",
        "contact": "your phone number and email, from Site settings",
        "calendar": CALENDAR_HELP,
    }
)
PLACEHOLDER_HELP = INTEREST_MESSAGE.describe()


def validate_placeholders(text):
    """The validator of every interest message's subject and body."""
    INTEREST_MESSAGE.validate(text)


CONFIRMATION_TEXT = Wording(
    {
        "name": "the person's name",
        "reference": "their reference, like KMP-47X",
        "organisation": "your organisation's name",
        "link": "their private link, to check or withdraw their interest",
    },
    required=("reference", "link"),
    what="text",
)

SESSION_REMINDER = Wording(
    {
        "name": "the person's name",
        "reference": "their reference, like KMP-47X",
        "opportunity": "the opportunity's title",
        "organisation": "your organisation's name",
        "when": "the session's day and time, like 'Tuesday 3 March, 10am to 12:30pm'",
        "where": "where it is: the venue, its own place, or 'online'",
        "link": "their private link",
        "contact": "your phone number and email, from Site settings",
        "calendar": CALENDAR_HELP,
    },
    what="reminder",
)
# A calendar link is too long for a text: the private page has it.
SESSION_REMINDER_TEXT = Wording(
    {name: help for name, help in SESSION_REMINDER.placeholders.items() if name != "calendar"},
    required=("when", "link"),
    what="text",
)


def validate_session_reminder(text):
    SESSION_REMINDER.validate(text)


# Long but likely values: a text must fit in two parts with these, the name
# making it UCS-2 (70 characters a part) as a Welsh or Urdu name does.
LONG_TEXT_VALUES = {
    "name": "Siân Ŵyn Davies",
    "reference": "KMP-47X",
    "organisation": "Co-pro Network",
    "link": "https://copro.example.org/m/" + "x" * 43 + "/",
    "opportunity": "Shape the new housing repairs service",
    "when": "Wednesday 30 September, 10:30am to 12:30pm",
    "where": "Online",
    "contact": "call 0161 496 0000",
    "closes": "Wednesday 30 September at 11:59pm",
    "count": "12",
    "lapses": "Wednesday 30 September",
}


def validate_confirmation_text(text):
    """Placeholders as offered, and short enough: with a long name and link
    the text must still fit in two parts (``privacy.texts.length``)."""
    validate_text(CONFIRMATION_TEXT, text)


def validate_session_reminder_text(text):
    validate_text(SESSION_REMINDER_TEXT, text)


def validate_text(wording, text):
    wording.validate(text)
    values = {name: LONG_TEXT_VALUES[name] for name in wording.placeholders}
    length = text_length(wording.fill(text, values))
    if length.parts > MOST_PARTS:
        raise ValidationError(
            "This text is too long. With a long name and the link it would be sent as "
            "%(parts)s texts: shorten it by %(over)s characters so it goes as %(most)s.",
            code="text_too_long",
            params={
                "parts": length.parts,
                "over": length.characters - most_characters(length.encoding),
                "most": MOST_PARTS,
            },
        )


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
            "details, including payment and any support you need.\n\n{calendar}\n\n"
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

    confirmation_text = models.CharField(
        "text after they send their interest",
        max_length=200,
        default="Hi {name}, your {organisation} reference is {reference}. {link}",
        validators=[validate_confirmation_text],
        help_text=(
            "Texted to people who chose text messages and said texts are safe, after they "
            "send their interest. " + CONFIRMATION_TEXT.describe() + ". It must contain "
            "{reference} and {link}, and fit in two texts."
        ),
    )

    link_again_text = models.CharField(
        "text with their link again",
        max_length=200,
        default="{organisation}: here is your link again. Reference {reference}. {link}",
        validators=[validate_confirmation_text],
        help_text=(
            "Texted to someone who asked for their link again on the 'Send me my link "
            "again' page, when texts are safe for them. "
            + CONFIRMATION_TEXT.describe()
            + ". It must contain {reference} and {link}, and fit in two texts."
        ),
    )

    session_reminder_subject = models.CharField(
        max_length=200,
        default="Tomorrow: {opportunity}",
        validators=[validate_session_reminder],
        help_text="The subject of the email to selected people the day before each session.",
    )
    session_reminder_body = models.TextField(
        default=(
            "Dear {name},\n\n"
            "A reminder that your session for {opportunity} is tomorrow: {when}.\n"
            "Where: {where}\n\n"
            "Your page has the details: {link}\n\n{calendar}\n\n"
            "If you cannot come, or need any support, contact us: {contact}\n\n"
            "{organisation}"
        ),
        validators=[validate_session_reminder],
        help_text=SESSION_REMINDER.describe() + ".",
    )
    session_reminder_text = models.CharField(
        "text the day before a session",
        max_length=200,
        default="{organisation}: a reminder of your session tomorrow, {when}. Details: {link}",
        validators=[validate_session_reminder_text],
        help_text=(
            "Texted to selected people the day before each session, when texts are safe "
            "for them. " + SESSION_REMINDER_TEXT.describe() + ". It must contain {when} and "
            "{link}, and fit in two texts."
        ),
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
        MultiFieldPanel(
            [FieldPanel("session_reminder_subject"), FieldPanel("session_reminder_body")],
            heading="The day before each session (to selected people)",
        ),
        MultiFieldPanel(
            [
                FieldPanel("confirmation_text"),
                FieldPanel("link_again_text"),
                FieldPanel("session_reminder_text"),
            ],
            heading="Text messages",
            help_text=(
                "People who said texts are not safe get a text that says only that there "
                "is news, with a private link that names nothing."
            ),
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
