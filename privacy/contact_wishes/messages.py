"""Every message to a person goes out here, honouring their contact wishes.

A flow writes its message as it would read to the person alone
(``PersonalMessage``) and hands it to ``send_personal_email`` with the
record holding their wishes:

- a channel they did not allow gets nothing;
- a channel they called safe gets the message as written;
- any other gets a neutral message (``templates/emails/privacy/neutral``):
  the subject "A message from <organisation>", the usual sender, and a body
  that says only that there is news and how to read it, through their
  private link, which then asks for a second factor
  (``privacy.contact_wishes.second_factor``). No opportunity title, topic,
  partner, status or name, and a link that names none (``links``).

Texts go the same way through ``send_personal_text``: only to a person who
allowed texts and gave a UK mobile number; the message as written when they
called texts safe, else the neutral text (``.../privacy/neutral/text.txt``).

``tests/privacy/test_message_wishes.py`` walks every kind of message through
every wish; a flow that adds a message adds it there.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string

from home.emails import EMAIL_TEMPLATES, render_email, send_email_after_commit
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.links import message_link
from privacy.texts.sending import queue_text

NEUTRAL_EMAIL = "privacy/neutral"
NEUTRAL_TEXT = "privacy/neutral/text.txt"


@dataclass(frozen=True)
class PersonalMessage:
    """One message to one person, as it reads when it is safe to say everything.

    ``private_link`` and its ``token``: where the person reads it. Every
    message to a person has one, so that when someone else may read it, the
    person can still find out what it was: a neutral message carries the
    neutral form of the link (``links.message_link``), which names nothing.
    """

    subject: str
    body: str
    private_link: str
    token: str


def neutral_email(wishes, message, organisation, contact):
    """(subject, body) of the neutral version of ``message``."""
    return render_email(
        NEUTRAL_EMAIL,
        {
            "organisation": organisation,
            "private_link": message_link(message.private_link, message.token),
            "asks_phone": bool(wishes.phone_last_three),
            "contact": contact,
        },
    )


def send_personal_email(wishes, message, organisation, contact="", headers=None):
    """Email ``message`` to the person whose ``wishes`` these are, as they
    allow (see the module's docstring). ``headers``: extra headers, the same
    on the neutral version (List-Unsubscribe names nothing). Returns whether
    an email was queued."""
    if not wishes.can_email:
        return False
    if wishes.is_safe(Channel.EMAIL):
        subject, body = message.subject, message.body
    else:
        subject, body = neutral_email(wishes, message, organisation, contact)
    send_email_after_commit(subject, body, [wishes.contact_email], headers=headers)
    return True


def neutral_text(wishes, message, organisation):
    """The words of the neutral text for ``message``."""
    text = render_to_string(
        NEUTRAL_TEXT,
        {
            "organisation": organisation,
            "private_link": message_link(message.private_link, message.token),
            "asks_phone": bool(wishes.phone_last_three),
        },
        using=EMAIL_TEMPLATES,
    )
    return " ".join(text.split())


def send_personal_text(wishes, message, organisation, kind, any_hour=False):
    """Text ``message.body`` (its subject is not used) to the person whose
    ``wishes`` these are, as they allow (see the module's docstring). ``kind``
    names the message on its record; ``any_hour``: they asked for it now.
    Returns whether a text was queued."""
    if not wishes.may_use(Channel.TEXT):
        return False
    if wishes.is_safe(Channel.TEXT):
        body = message.body
    else:
        body = neutral_text(wishes, message, organisation)
    return queue_text(wishes.contact_phone, body, kind, any_hour=any_hour) is not None
