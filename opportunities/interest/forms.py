"""The public "I'm interested" form: short, plain, and asking only what we need."""

import re

from django import forms
from django.core.validators import validate_email

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from opportunities.choices import ContactMethod
from opportunities.models.interest import normalise_phone

YES_NO = [("yes", "Yes"), ("no", "No")]


class InterestForm(DescribedForm, ProtectedFormMixin, forms.Form):
    """Errors are written for the person, beside the field, in plain English."""

    form_name = "opportunities.interest"  # what its start time is tied to

    name = forms.CharField(
        label="Your name",
        max_length=200,
        error_messages={
            "required": "Enter your name",
            "max_length": "Your name must be 200 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
    )
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how we should contact you"},
    )
    contact_detail = forms.CharField(
        label="Your email address or phone number",
        help_text="An email address if you chose email; a phone number for a call or a text.",
        max_length=254,
        error_messages={
            "required": "Enter your email address or phone number",
            "max_length": "This must be 254 characters or fewer",
        },
        widget=forms.TextInput(attrs={"spellcheck": "false"}),
    )
    safe_to_leave_message = forms.TypedChoiceField(
        label="Is it safe for us to leave a message?",
        help_text="For example a voicemail, a text, or an email someone else might read.",
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Tell us if it is safe to leave you a message"},
    )
    on_behalf_of = forms.BooleanField(label="I am filling this in for someone else", required=False)
    on_behalf_of_name = forms.CharField(
        label="Their name",
        help_text="The name of the person who is interested.",
        max_length=200,
        required=False,
        error_messages={"max_length": "Their name must be 200 characters or fewer"},
    )
    access_needs = forms.CharField(
        label="Access needs (optional)",
        help_text=(
            "Anything that would help you take part, for example a BSL interpreter, "
            "step-free access, or travel paid in advance."
        ),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Access needs must be 2,000 characters or fewer"},
    )
    access_needs_consent = forms.BooleanField(
        label="You can keep my access needs so you can arrange support",
        required=False,
    )
    anything_else = forms.CharField(
        label="Anything else you want to tell us (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "This must be 2,000 characters or fewer"},
    )
    wants_outcome = forms.BooleanField(
        label="Tell me what changed as a result, when it is published",
        required=False,
    )
    consent = forms.BooleanField(
        label="I agree to you keeping these details for this opportunity",
        error_messages={"required": "Tick the box to agree, or contact us another way"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contact_method"].choices = ContactMethod.choices  # no blank choice

    def clean(self):
        data = super().clean()
        method = data.get("contact_method")
        detail = (data.get("contact_detail") or "").strip()
        if method and detail:
            if method == ContactMethod.EMAIL:
                try:
                    validate_email(detail)
                except forms.ValidationError:
                    self.add_error(
                        "contact_detail",
                        "Enter an email address in the right format, like name@example.com",
                    )
            else:
                digits = normalise_phone(detail)
                if re.search(r"[^\d\s()+\-.]", detail) or not 10 <= len(digits) <= 15:
                    self.add_error(
                        "contact_detail",
                        "Enter a phone number, like 07700 900 982 or +44 7700 900 982",
                    )
            data["contact_detail"] = detail
        if data.get("on_behalf_of") and not (data.get("on_behalf_of_name") or "").strip():
            self.add_error("on_behalf_of_name", "Enter the name of the person it is for")
        if (data.get("access_needs") or "").strip() and not data.get("access_needs_consent"):
            self.add_error(
                "access_needs_consent",
                "Tick the box so we can keep your access needs, or leave access needs empty",
            )
        return data
