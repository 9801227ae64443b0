"""The "Remind me before it closes" form: an email address or a mobile number,
with the contact-wishes question (may we, and is it safe?)."""

from django import forms

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from privacy.contact_wishes.channels import Channel, Wish
from privacy.contact_wishes.forms import ContactWishesForm, wish_field_name
from privacy.texts.numbers import uk_mobile


class ClosingReminderForm(DescribedForm, ContactWishesForm, ProtectedFormMixin, forms.Form):
    form_name = "opportunities.closing_reminder"
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
