"""The neutral private link a neutral message carries: ``/m/<token>/``.

A private link's own address names what it is about
(``/opportunities/<slug>/interest/status/<token>/``), so a neutral message
cannot carry it. It carries ``/m/<token>/`` instead: this view finds the
record the token opens (each app registers a finder through the
``register_private_message_links`` hook), asks the second factor when the
person's messages may be read by someone else, and only then sends them on
to the page itself.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import HttpResponseRedirect
from django.urls import reverse
from wagtail import hooks

from home.private_pages import make_private, render_private
from home.site_address import site_url
from privacy.contact_wishes.second_factor import second_factor_gate

REGISTER_PRIVATE_MESSAGE_LINKS = "register_private_message_links"


@dataclass(frozen=True)
class LinkTarget:
    """What a token opens: the record holding the contact wishes, the key its
    pages' second factor uses (the token's hash), and the page's address."""

    record: Any
    key: str
    url: str


def message_link(private_link, token):
    """The neutral link for ``token``, on the host of ``private_link``."""
    parts = urlsplit(private_link)
    root = f"{parts.scheme}://{parts.netloc}" if parts.netloc else site_url()
    return root + reverse("private_message_link", args=(token,))


def open_message_link(request, token):
    for find in hooks.get_hooks(REGISTER_PRIVATE_MESSAGE_LINKS):
        target = find(request, token) if token and len(token) <= 100 else None
        if target is None:
            continue
        gate = second_factor_gate(
            request,
            key=target.key,
            reference=target.record.reference,
            phone_end=target.record.phone_last_three,
            required=target.record.needs_second_factor,
        )
        if gate is not None:
            return gate
        return make_private(HttpResponseRedirect(target.url, status=303))
    return render_private(request, None, "pages/privacy/link_not_valid.html", status=404)
