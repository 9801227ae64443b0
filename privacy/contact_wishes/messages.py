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

``tests/privacy/test_message_wishes.py`` walks every kind of message through
every wish; a flow that adds a message adds it there.
"""

from dataclasses import dataclass

from home.emails import render_email, send_email_after_commit
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.links import message_link

NEUTRAL_EMAIL = "privacy/neutral"


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


def send_personal_email(wishes, message, organisation, contact=""):
    """Email ``message`` to the person whose ``wishes`` these are, as they
    allow (see the module's docstring). Returns whether an email was queued."""
    if not wishes.can_email:
        return False
    if wishes.is_safe(Channel.EMAIL):
        subject, body = message.subject, message.body
    else:
        subject, body = neutral_email(wishes, message, organisation, contact)
    send_email_after_commit(subject, body, [wishes.contact_email])
    return True
