"""The one grouped question every form that collects contact details asks.

For each way of reaching the person that the form offers, one set of radios
answers both "may we use this?" and "is it safe if someone else sees or
hears it?" (``channels.WISH_LABELS``), beside the detail it needs. Render it
with ``{% include "components/forms/contact_wishes.html" %}``.

Mix ``ContactWishesForm`` (or ``EmailOrMobileWishesForm``, which offers email
and texts only) into a form before the Django form class. A plain form reads
the answers as model values from ``cleaned_data["contact_wishes"]``; a
``ModelForm`` over a ``ContactWishes`` model saves them itself.
"""

import re

from django import forms
from django.core.validators import validate_email

from privacy.contact_wishes.channels import DETAIL_FIELD, QUESTIONS, Channel, Wish, wish_choices
from privacy.contact_wishes.models import ContactWishes
from privacy.contacts import normalise_phone
from privacy.texts.numbers import uk_mobile

WHY = (
    "Some people share a phone or an email inbox, or live with someone who should not know "
    "what they are doing. If a way is not safe, our messages that way will not say what "
    "they are about, and you will need your reference to read them."
)
DETAIL_ERRORS = {
    "contact_email": "Enter your email address, or answer 'No'",
    "contact_phone": "Enter your phone number, or answer 'No'",
    "support_worker": "Enter your support worker's name and how to reach them, or answer 'No'",
}
UNANSWERED = {
    Channel.EMAIL: "Tell us if we may email you",
    Channel.TEXT: "Tell us if we may text you",
    Channel.CALL: "Tell us if we may call you",
    Channel.SUPPORT_WORKER: "Tell us if we may contact you through your support worker",
}


def wish_field_name(channel):
    return f"{channel}_wish"


class ContactWishesForm(forms.Form):
    """The contact details and wishes; ``contact_required``: at least one way."""

    contact_channels: tuple[str, ...] = tuple(Channel)
    contact_required = True

    contact_email = forms.CharField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={"max_length": "Your email address must be 254 characters or fewer"},
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    contact_phone = forms.CharField(
        label="Phone number",
        help_text="For texts and calls.",
        required=False,
        max_length=30,
        error_messages={"max_length": "Your phone number must be 30 characters or fewer"},
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    support_worker = forms.CharField(
        label="Your support worker",
        help_text="Their name, and their phone number or email address.",
        required=False,
        max_length=254,
        error_messages={"max_length": "This must be 254 characters or fewer"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offered = set(self.contact_channels)
        for channel in Channel:
            if channel not in offered:
                continue
            self.fields[wish_field_name(channel)] = forms.ChoiceField(
                label=QUESTIONS[channel],
                choices=wish_choices(channel),
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose one of the answers shown"},
            )
        for detail in ("contact_email", "contact_phone", "support_worker"):
            if not any(DETAIL_FIELD[channel] == detail for channel in offered):
                del self.fields[detail]
        instance = getattr(self, "instance", None)
        if isinstance(instance, ContactWishes) and not self.is_bound:
            for channel in offered:
                detail = DETAIL_FIELD[channel]
                self.initial.setdefault(detail, getattr(instance, detail))
                if getattr(instance, f"{channel}_ok") or instance.detail_for(channel):
                    self.initial.setdefault(wish_field_name(channel), instance.wish_for(channel))

    # Rendering --------------------------------------------------------------

    contact_why = WHY

    def contact_wish_groups(self):
        """``(detail field, [wish fields])`` in order, for the template."""
        groups = []
        for detail in ("contact_email", "contact_phone", "support_worker"):
            wishes = [
                self[wish_field_name(channel)]
                for channel in self.contact_channels
                if DETAIL_FIELD[channel] == detail
            ]
            if wishes:
                groups.append((self[detail], wishes))
        return groups

    # Checking ---------------------------------------------------------------

    def clean(self):
        data = super().clean()
        wishes = {
            channel: data.get(wish_field_name(channel)) or "" for channel in self.contact_channels
        }
        details = {
            name: (data.get(name) or "").strip()
            for name in ("contact_email", "contact_phone", "support_worker")
            if name in self.fields
        }
        self._check_formats(details)
        for channel, wish in wishes.items():
            detail = DETAIL_FIELD[channel]
            chosen_without_detail = wish in (Wish.SAFE, Wish.PRIVATE) and not details.get(detail)
            if chosen_without_detail and detail not in self.errors:
                self.add_error(detail, DETAIL_ERRORS[detail])
        for detail, value in details.items():
            # A detail given with no answer about using it: ask (an unanswered
            # question beside an answered one for the same detail means "No").
            using = [c for c in self.contact_channels if DETAIL_FIELD[c] == detail]
            if value and detail not in self.errors and not any(wishes[c] for c in using):
                self.add_error(wish_field_name(using[0]), UNANSWERED[using[0]])
        chosen = [channel for channel, wish in wishes.items() if wish in (Wish.SAFE, Wish.PRIVATE)]
        contact_fields = [*details, *(wish_field_name(c) for c in self.contact_channels)]
        already_asked = any(name in self.errors for name in contact_fields)
        if self.contact_required and not chosen and not already_asked:
            self.add_error(
                wish_field_name(self.contact_channels[0]),
                "Tell us at least one way we may contact you",
            )
        values = {}
        for channel in Channel:
            wish = wishes.get(channel, "")
            values[f"{channel}_ok"] = wish in (Wish.SAFE, Wish.PRIVATE)
            values[f"{channel}_safe"] = wish == Wish.SAFE
        for detail in ("contact_email", "contact_phone", "support_worker"):
            used = any(values[f"{c}_ok"] for c in Channel if DETAIL_FIELD[c] == detail)
            # Only details we may use are kept.
            values[detail] = details.get(detail, "") if used else ""
        data["contact_wishes"] = values
        return data

    def _check_formats(self, details):
        email = details.get("contact_email")
        if email:
            try:
                validate_email(email)
            except forms.ValidationError:
                self.add_error(
                    "contact_email",
                    "Enter an email address in the right format, like name@example.com",
                )
        phone = details.get("contact_phone")
        if phone and (
            re.search(r"[^\d\s()+\-.]", phone) or not 10 <= len(normalise_phone(phone)) <= 15
        ):
            self.add_error(
                "contact_phone", "Enter a phone number, like 07700 900 982 or +44 7700 900 982"
            )

    # Saving (ModelForms) ----------------------------------------------------

    def save(self, commit=True):
        for name, value in self.cleaned_data["contact_wishes"].items():
            setattr(self.instance, name, value)
        return super().save(commit=commit)


class EmailOrMobileWishesForm(ContactWishesForm):
    """The question for email or text only, where texts go to UK mobiles only
    (``privacy.texts.numbers``): a number we could not text is refused when
    texts are chosen."""

    contact_channels = (Channel.EMAIL, Channel.TEXT)

    def clean(self):
        data = super().clean()
        wants_texts = data.get(wish_field_name(Channel.TEXT)) in (Wish.SAFE, Wish.PRIVATE)
        phone = data.get("contact_phone") or ""
        if wants_texts and phone and "contact_phone" not in self.errors and not uk_mobile(phone):
            self.add_error(
                "contact_phone",
                "Enter a UK mobile number, like 07700 900 982: we can only text mobiles",
            )
        return data
