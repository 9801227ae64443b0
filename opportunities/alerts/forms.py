"""The alert form: email or mobile with the contact-wishes question, and how often."""

from django import forms

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from opportunities.choices import AlertFrequency
from privacy.contact_wishes.channels import Channel, Wish
from privacy.contact_wishes.forms import ContactWishesForm, wish_field_name
from privacy.texts.numbers import uk_mobile


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


class MobileForTexts(ContactWishesForm):
    """The contact-wishes question for alerts: email or text, texts to mobiles only."""

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


class AlertForm(DescribedForm, MobileForTexts, ProtectedFormMixin, forms.Form):
    form_name = "opportunities.alerts"

    frequency = FrequencyForm.base_fields["frequency"]


class ChannelForm(DescribedForm, MobileForTexts, forms.Form):
    """Changing how an alert reaches its person, from its private page; starts
    from what they gave (``instance``)."""

    def __init__(self, *args, instance=None, **kwargs):
        self.instance = instance
        super().__init__(*args, **kwargs)
