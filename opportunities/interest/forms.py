"""The public "I'm interested" form: short, plain, and asking only what we need."""

from django import forms

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from privacy.contact_wishes.forms import ContactWishesForm

# The order of the page, which the error summary follows.
FIELD_ORDER = [
    "name",
    "on_behalf_of",
    "on_behalf_of_name",
    "contact_email",
    "email_wish",
    "contact_phone",
    "text_wish",
    "call_wish",
    "support_worker",
    "support_worker_wish",
    "access_needs",
    "access_needs_consent",
    "anything_else",
    "wants_outcome",
    "consent",
]


class InterestForm(DescribedForm, ContactWishesForm, ProtectedFormMixin, forms.Form):
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
        self.order_fields(FIELD_ORDER)

    def clean(self):
        data = super().clean()
        if data.get("on_behalf_of") and not (data.get("on_behalf_of_name") or "").strip():
            self.add_error("on_behalf_of_name", "Enter the name of the person it is for")
        if (data.get("access_needs") or "").strip() and not data.get("access_needs_consent"):
            self.add_error(
                "access_needs_consent",
                "Tick the box so we can keep your access needs, or leave access needs empty",
            )
        return data
