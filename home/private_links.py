"""Private links: unguessable tokens, stored only as hashes, that expire.

A private link (to check an expression of interest, resume a draft, read a
result) is the only key to someone's record, so:

- the token has 256 bits of randomness (``secrets.token_urlsafe(32)``);
- only its SHA-256 hash is stored, so a database leak does not leak links;
- lookups compare hashes in the database (an index lookup, not a scan);
- pages behind a token are never cached and never send the link to another
  site (``home.private_pages``).
"""

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

TOKEN_BYTES = 32


def new_token():
    """Return ``(token, token_hash)``: give the token to the person, store the hash."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def expiry(days):
    return timezone.now() + timedelta(days=days)
