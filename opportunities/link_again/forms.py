"""The "send me my link again" form: a reference and one contact detail."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from home.private_links import normalise_reference
from privacy.texts.numbers import uk_mobile


class LinkAgainForm(DescribedForm, ProtectedFormMixin, forms.Form):
    form_name = "opportunities.link_again"

    reference = forms.CharField(
        label="Your reference",
        help_text="Like KMP-47X. We showed it to you when you sent your form.",
        max_length=20,
        error_messages={
            "required": "Enter your reference",
            "max_length": "Your reference is 7 characters, like KMP-47X",
        },
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    contact = forms.CharField(
        label="Your email address or mobile number",
        help_text="The one you gave us. We send the link there, and nowhere else.",
        max_length=254,
        error_messages={
            "required": "Enter the email address or mobile number you gave us",
            "max_length": "This must be 254 characters or fewer",
        },
        widget=forms.TextInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def clean_reference(self):
        return normalise_reference(self.cleaned_data["reference"])

    def clean_contact(self):
        """An email address as typed, or a mobile number in its +447... form."""
        contact = self.cleaned_data["contact"].strip()
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(
                    "Enter an email address like name@example.org", code="invalid"
                ) from None
            return contact
        number = uk_mobile(contact)
        if not number:
            raise ValidationError(
                "Enter a UK mobile number, like 07123 456789, or an email address",
                code="invalid",
            )
        return number
