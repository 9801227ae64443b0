"""A second factor before a private link shows anything, when someone else
may read the person's messages.

A neutral message (``messages``) still carries the person's private link,
so whoever reads their inbox could open it. A page behind such a link calls
``second_factor_gate`` first: until the person has typed their reference
(which no neutral message contains) and, if they gave a phone number, its
last 3 digits, the page shows only that question, under a neutral title,
naming no opportunity, partner or status. A correct answer is remembered in
the session for half an hour; wrong answers are limited per link.
"""

import hmac
import time

from django import forms
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from home.form_fields import DescribedForm
from home.form_protection import hit_rate_limit
from home.private_links import normalise_reference
from home.private_pages import make_private

PASSED_FOR_SECONDS = 30 * 60
ATTEMPTS_PER_HOUR = 8
MARKER_FIELD = "second_factor"
TEMPLATE = "pages/privacy/second_factor.html"


def _session_key(key):
    return f"second-factor:{key}"


class SecondFactorForm(DescribedForm, forms.Form):
    reference = forms.CharField(
        label="Your reference",
        help_text="Like KMP-47X. We showed it to you when you sent your form, or told you it.",
        max_length=20,
        error_messages={
            "required": "Enter your reference",
            "max_length": "Your reference is 7 characters, like KMP-47X",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    phone_end = forms.CharField(
        label="The last 3 digits of your phone number",
        max_length=10,
        error_messages={
            "required": "Enter the last 3 digits of your phone number",
            "max_length": "Enter only the last 3 digits",
        },
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )

    def __init__(self, *args, reference, phone_end, **kwargs):
        super().__init__(*args, **kwargs)
        self.expected = (normalise_reference(reference), phone_end)
        if not phone_end:
            del self.fields["phone_end"]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        reference, phone_end = self.expected
        given_reference = normalise_reference(data.get("reference"))
        given_end = "".join(c for c in data.get("phone_end", "") if c.isdigit())
        matches = hmac.compare_digest(given_reference.encode(), reference.encode())
        if phone_end:
            matches = hmac.compare_digest(given_end.encode(), phone_end.encode()) and matches
        if not matches:
            raise forms.ValidationError(
                "These do not match what we have. Check them and try again, or contact us."
            )
        return data


def second_factor_passed(request, key):
    passed_at = request.session.get(_session_key(key))
    return isinstance(passed_at, int | float) and time.time() - passed_at < PASSED_FOR_SECONDS


def second_factor_gate(request, *, key, reference, phone_end, required):
    """``None`` when the page behind the link may show; otherwise the response
    to give instead (the question, or a redirect back once answered).

    ``key``: the link's token hash (never the token); ``required``: whether
    this person's messages may be read by someone else
    (``ContactWishes.needs_second_factor``).
    """
    if not required or second_factor_passed(request, key):
        return None
    answering = request.method == "POST" and MARKER_FIELD in request.POST
    form = SecondFactorForm(
        request.POST if answering else None, reference=reference, phone_end=phone_end
    )
    status, blocked = 200, False
    if answering:
        if hit_rate_limit("second-factor", key, ATTEMPTS_PER_HOUR, 60 * 60):
            status, blocked = 429, True
        elif form.is_valid():
            request.session[_session_key(key)] = time.time()
            return make_private(HttpResponseRedirect(request.path, status=303))
        else:
            status = 400
    response = TemplateResponse(
        request,
        TEMPLATE,
        {"form": form, "blocked": blocked, "marker": MARKER_FIELD, "asks_phone": bool(phone_end)},
        status=status,
    )
    response.render()
    return make_private(response, has_form=True)
