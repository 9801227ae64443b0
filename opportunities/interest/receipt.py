"""What the person is shown once their interest is sent: their reference and
private link, kept for a short while for the confirmation page.

Never in the page's address (browser history, logs and shared screens would
keep it): the receipt sits in the shared cache under an opaque id, and only
that id sits in the person's session. It lasts long enough to read and
reload the page, then goes by itself.
"""

import secrets
from dataclasses import dataclass

from django.core.cache import cache

from privacy.contact_wishes.channels import Channel
from privacy.texts.numbers import uk_mobile

RECEIPT_MAX_AGE = 30 * 60  # seconds


def _session_key(page):
    return f"interest-receipt:{page.pk}"


@dataclass
class Receipt:
    """What the person is shown: the reference and their private link's token."""

    reference: str
    token: str
    has_email: bool
    # A text with the reference and link was queued (they allowed texts and
    # gave a UK mobile number; ``send_personal_text``'s own rule).
    has_text: bool = False
    private: bool = False  # someone else may read their messages: keep the reference
    stored: bool = True

    @classmethod
    def for_record(cls, record, token, stored=True):
        return cls(
            reference=record.reference,
            token=token,
            has_email=record.can_email,
            has_text=bool(record.may_use(Channel.TEXT) and uk_mobile(record.contact_phone)),
            private=record.needs_second_factor,
            stored=stored,
        )

    def keep(self, request, page):
        """Keep this receipt for the confirmation page of ``page``, for this browser."""
        receipt_id = secrets.token_urlsafe(16)
        cache.set(
            f"interest-receipt:{receipt_id}",
            {
                "r": self.reference,
                "t": self.token,
                "e": self.has_email,
                "x": self.has_text,
                "p": self.private,
            },
            timeout=RECEIPT_MAX_AGE,
        )
        request.session[_session_key(page)] = receipt_id

    @classmethod
    def recall(cls, request, page):
        """The receipt this browser was given on ``page``, or None once it has gone."""
        receipt_id = request.session.get(_session_key(page))
        data = cache.get(f"interest-receipt:{receipt_id}") if receipt_id else None
        if data is None:
            request.session.pop(_session_key(page), None)
            return None
        return cls(
            reference=data["r"],
            token=data["t"],
            has_email=data["e"],
            has_text=data.get("x", False),
            private=data["p"],
        )
