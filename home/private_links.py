"""Private links: unguessable tokens, stored only as hashes, that expire.

A private link (to check an expression of interest, resume a draft, read a
result) is the only key to someone's record, so:

- the token has 256 bits of randomness (``secrets.token_urlsafe(32)``);
- only its SHA-256 hash is stored, so a database leak does not leak links;
- lookups compare hashes in the database (an index lookup, not a scan);
- pages behind a token are never cached and never send a Referer
  (``private_page``), so the link cannot leak to another site or a proxy.
"""

import hashlib
import secrets
from datetime import timedelta
from functools import wraps

from django.utils import timezone
from django.utils.cache import add_never_cache_headers

TOKEN_BYTES = 32


def new_token():
    """Return ``(token, token_hash)``: give the token to the person, store the hash."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def expiry(days):
    return timezone.now() + timedelta(days=days)


def make_private(response, referrer_policy="no-referrer"):
    """Headers for a page only the link holder may see.

    A page that posts a form must not be ``no-referrer``: browsers then send
    ``Origin: null`` with the POST and Django's CSRF check rightly refuses it.
    Such pages pass ``same-origin`` or ``strict-origin``, which never send the
    path holding the token to another site.
    """
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def private_page(view):
    """Decorator: serve a view's response as a private page (see make_private)."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        return make_private(view(*args, **kwargs))

    return wrapped
