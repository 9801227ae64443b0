"""The alert form: email or mobile with the contact-wishes question, and how often."""

from django import forms

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from opportunities.choices import AlertFrequency
from privacy.contact_wishes.forms import EmailOrMobileWishesForm


class FrequencyForm(DescribedForm, forms.Form):
    frequency = forms.ChoiceField(
        label="How often do you want to hear?",
        choices=AlertFrequency.choices,
        initial=AlertFrequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose how often you want to hear",
            "invalid_choice": "Choose one of the answers shown",
        },
    )


class AlertForm(DescribedForm, EmailOrMobileWishesForm, ProtectedFormMixin, forms.Form):
    form_name = "opportunities.alerts"

    frequency = FrequencyForm.base_fields["frequency"]


class ChannelForm(DescribedForm, EmailOrMobileWishesForm, forms.Form):
    """Changing how an alert reaches its person, from its private page; starts
    from what they gave (``instance``)."""

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
