"""Who delivers text messages, chosen by ``settings.TEXT_MESSAGE_BACKEND``
(a dotted path, like Django's ``EMAIL_BACKEND``).

A backend has one method, ``send(text) -> str``: it hands ``text`` (an
``OutgoingText``) to the provider and returns the provider's id for it. It
raises ``TextRefused`` when the provider says the text can never go (a
number it rejects): that is not retried. Anything else it raises (the
provider down, a timeout, a wrong key) is a failure that is retried.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class OutgoingText:
    """One text: ``to`` in +447... form, the ``body``, and our own ``reference``
    for it (the message record's id, never anything personal)."""

    to: str
    body: str
    reference: str


class TextRefused(Exception):
    """The provider will never send this text (e.g. it rejects the number)."""


def get_text_backend():
    """An instance of the configured backend."""
    return import_string(settings.TEXT_MESSAGE_BACKEND)()
