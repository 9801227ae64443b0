"""Private links: unguessable tokens, stored only as hashes, that expire.

A private link (to check an expression of interest, resume a draft, read a
result) is the only key to someone's record, so:

- the token has 256 bits of randomness (``secrets.token_urlsafe(32)``);
- only its SHA-256 hash is stored, so a database leak does not leak links;
- lookups compare hashes in the database (an index lookup, not a scan);
- pages behind a token are never cached and never send the link to another
  site (``home.private_pages``).
"""

import base64
import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone
from django.utils.crypto import salted_hmac

TOKEN_BYTES = 32

# No vowels (no words), no 0/O or 1/I (no misreading over the phone).
REFERENCE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ23456789"


def new_reference():
    """A short reference a person can read out on the phone, like 'KMP-47X'.

    It names a record on the phone, and is the second factor a private link
    asks for when someone else may read the person's messages.
    """
    characters = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"{characters[:3]}-{characters[3:]}"


def normalise_reference(text):
    """A reference as typed ("kmp 47x", "KMP-47X") in its stored form."""
    letters = "".join(character for character in str(text or "").upper() if character.isalnum())
    return f"{letters[:3]}-{letters[3:]}" if len(letters) == 6 else letters


def derive_token(namespace, salt):
    """A link token derived from the site's secret key and a per-record salt.

    Like Django's password-reset tokens: only its hash is stored, so a leaked
    database opens nothing, yet the site can put the same link in a later
    message (a neutral message must carry the link, see
    ``privacy.contact_wishes.messages``). A new salt kills the old link.
    """
    digest = salted_hmac(namespace, salt, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def new_token():
    """Return ``(token, token_hash)``: give the token to the person, store the hash."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    return token, hash_token(token)


def hash_token(token):
    return hashlib.sha256(str(token).encode()).hexdigest()


def expiry(days):
    return timezone.now() + timedelta(days=days)


class DerivedPrivateLink:
    """Private-link methods for a model with ``token_salt`` and ``token_hash``
    fields and a ``link_namespace`` (one per kind of record, so a token for
    one kind opens nothing of another).

    The token is derived from the salt (``derive_token``), so a later message
    can carry the same link; only its hash is stored.
    """

    link_namespace: str

    def issue_link(self):
        """A new private link (a new salt): any older link stops working.
        Returns the token; save the record to keep it."""
        self.token_salt = secrets.token_urlsafe(TOKEN_BYTES)
        token = derive_token(self.link_namespace, self.token_salt)
        self.token_hash = hash_token(token)
        return token

    def private_link_token(self):
        """The token of this record's private link, for a message to carry.

        A record whose link cannot be derived again gets a new one, saved at
        once (its old link stops working): one saved before links were
        derived, or one whose link was derived with a secret key since rotated.
        """
        if self.token_salt:
            token = derive_token(self.link_namespace, self.token_salt)
            if hash_token(token) == self.token_hash:
                return token
        token = self.issue_link()
        type(self)._default_manager.filter(pk=self.pk).update(
            token_salt=self.token_salt, token_hash=self.token_hash
        )
        return token
