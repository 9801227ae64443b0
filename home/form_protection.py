"""Protection for public forms that spares real people.

- A honeypot field that people never see or fill: positioned off-screen,
  ``aria-hidden`` so screen readers skip it, ``tabindex=-1`` so keyboards
  skip it, ``autocomplete=off`` so password managers and autofill leave it
  alone. Bots that fill every field give themselves away.
- A minimum fill time: the form carries a signed start time; a form sent
  back faster than a person could read it is treated as automated. The
  start time names the form it was issued for and carries a one-time
  nonce, claimed in the shared cache when the form comes back, so one
  start time sends one form: a replayed or borrowed one is refused.
- Rate limits on the shared cache (Redis in production), per client IP
  (``home.client_ip``, honouring trusted proxies) and per any other key such
  as a contact detail (hashed, so no personal data sits in the cache).

A blocked person always gets a plain message with another way to reach us
(see ``templates/components/forms/blocked.html``), never a silent drop.
"""

import hashlib
import secrets
import time

from django import forms
from django.core import signing
from django.core.cache import cache

from home.client_ip import client_ip

HONEYPOT_FIELD = "website_url"
TIMESTAMP_FIELD = "form_started"
MINIMUM_FILL_SECONDS = 3
START_TIME_MAX_AGE = 60 * 60 * 24
# The module's old name, kept for the salt.
_SIGNING_SALT = "home.abuse.form-started"


def issue_start_time(form_name, started_at=None):
    """A signed start time for the form ``form_name``, with a fresh nonce."""
    stamp = time.time() if started_at is None else started_at
    return signing.dumps(
        {"t": stamp, "f": form_name, "n": secrets.token_urlsafe(16)}, salt=_SIGNING_SALT
    )


def _claim_nonce(nonce):
    """True the first time ``nonce`` comes back; False ever after (for a day)."""
    return cache.add(f"form-started:{nonce}", 1, timeout=START_TIME_MAX_AGE)


class HoneypotWidget(forms.TextInput):
    def __init__(self):
        super().__init__(
            attrs={
                "autocomplete": "off",
                "tabindex": "-1",
                "class": "honeypot__input",
            }
        )


class ProtectedFormMixin(forms.Form):
    """Add to a public form: a honeypot and a signed start time.

    Render the honeypot with ``{% include "components/forms/honeypot.html" %}``
    inside the form. After ``is_valid()``, check ``form.looks_automated()``
    (once per submission: it claims the start time's nonce); if True, save
    nothing and ask the person to send again with a fresh start time.
    ``form_name`` ties the start time to this form; it defaults to the
    class's dotted path.
    """

    form_name = ""

    website_url = forms.CharField(required=False, label="Leave this empty", widget=HoneypotWidget())
    form_started = forms.CharField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[TIMESTAMP_FIELD] = issue_start_time(self.protected_form_name())

    @classmethod
    def protected_form_name(cls):
        return cls.form_name or f"{cls.__module__}.{cls.__qualname__}"

    def send_again(self, message):
        """This form's answers again with a fresh start time and an empty
        honeypot, and ``message`` asking the person to send it again: a person
        sends it again, an automated sender fails again."""
        data = self.data.copy()
        data[HONEYPOT_FIELD] = ""
        data[TIMESTAMP_FIELD] = issue_start_time(self.protected_form_name())
        again = type(self)(data)
        again.is_valid()
        again.add_error(None, message)
        return again

    def looks_automated(self):
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        if data.get(HONEYPOT_FIELD):
            return True
        try:
            started = signing.loads(
                data.get(TIMESTAMP_FIELD) or "", salt=_SIGNING_SALT, max_age=START_TIME_MAX_AGE
            )
        except signing.BadSignature:
            # Missing, forged or more than a day old: a person whose page sat
            # open overnight is asked to send again, not silently dropped.
            return True
        if not isinstance(started, dict) or started.get("f") != self.protected_form_name():
            return True  # issued for another form, or in an older format
        if not isinstance(started.get("t"), int | float) or not _claim_nonce(started.get("n")):
            return True  # already used once
        return time.time() - float(started["t"]) < MINIMUM_FILL_SECONDS


def _cache_key(scope, value):
    digest = hashlib.sha256(f"{scope}:{value}".encode()).hexdigest()
    return f"ratelimit:{scope}:{digest}"


def hit_rate_limit(scope, value, limit, window_seconds):
    """Count one attempt for ``value`` in ``scope``; True when over ``limit``
    attempts within ``window_seconds``. Values are hashed before caching."""
    if not value:
        return False
    key = _cache_key(scope, value)
    cache.add(key, 0, timeout=window_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds)
        count = 1
    return count > limit


def over_ip_limit(request, scope, limit, window_seconds):
    return hit_rate_limit(f"{scope}:ip", client_ip(request), limit, window_seconds)
