"""The "Remind me before it closes" form: an email address or a mobile number,
with the contact-wishes question (may we, and is it safe?)."""

from django import forms

from home.form_fields import DescribedForm
from home.form_protection import ProtectedFormMixin
from privacy.contact_wishes.forms import EmailOrMobileWishesForm


class ClosingReminderForm(DescribedForm, EmailOrMobileWishesForm, ProtectedFormMixin, forms.Form):
    form_name = "opportunities.closing_reminder"
