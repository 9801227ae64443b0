"""The payment form in the admin: the sessions offered are the person's
opportunity's, named with its title, and a session of another opportunity is
refused beside the field."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from opportunities.models.sessions import OpportunitySession


class SessionsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.page.title}: {obj.describe(with_length=False)}"


class PaymentForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("sessions_attended")
        if field is None:
            return
        sessions = OpportunitySession.objects.select_related("page").order_by("page_id", "date")
        if self.instance.interest_id:
            sessions = sessions.filter(page_id=self.instance.interest.opportunity_id)
        else:
            sessions = sessions.filter(page__expressions_of_interest__status="selected").distinct()
        replacement = SessionsField(
            queryset=sessions,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=field.label,
            help_text=field.help_text,
        )
        self.fields["sessions_attended"] = replacement

    def clean(self):
        cleaned = super().clean()
        interest = cleaned.get("interest")
        sessions = cleaned.get("sessions_attended") or []
        if interest is not None and any(s.page_id != interest.opportunity_id for s in sessions):
            self.add_error(
                "sessions_attended",
                "Choose only sessions of this person's opportunity.",
            )
        if cleaned.get("state") == "paid" and not cleaned.get("paid_on"):
            self.add_error("paid_on", "Give the date it was paid.")
        return cleaned
