"""The "about you" step for someone answering through an invitation.

The partner and what is assessed come from the invitation and cannot be
changed; instead the person says (optionally) who they are, and how they
relate to the partner, which the combined result compares.
"""

from django import forms

from ladder.forms import AboutForm
from ladder.models import Respondent, SelfAssessment


class InvitedAboutForm(forms.ModelForm):
    name = forms.CharField(
        max_length=120,
        required=False,
        label="Your name (optional)",
        help_text="Only our team sees it. The partner's lead contact does not.",
    )
    relation = forms.ChoiceField(
        choices=Respondent.Relation.choices,
        widget=forms.RadioSelect,
        label="How do you relate to the organisation?",
        help_text="We compare how staff and community members see things.",
        error_messages={"required": "Choose how you relate to the organisation"},
    )
    role = AboutForm.base_fields["role"]
    contact_email = AboutForm.base_fields["contact_email"]
    took_part = AboutForm.base_fields["took_part"]

    class Meta:
        model = SelfAssessment
        fields = ["role", "took_part", "contact_email"]

    def __init__(self, *args, respondent, **kwargs):
        self.respondent = respondent
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("name", respondent.name)
            self.initial.setdefault("relation", respondent.relation)
        self.order_fields(["name", "relation", "role", "took_part", "contact_email"])

    def save(self, commit=True):
        assessment = super().save(commit=commit)
        self.respondent.name = self.cleaned_data["name"].strip()
        self.respondent.relation = self.cleaned_data["relation"]
        if commit:
            self.respondent.save(update_fields=["name", "relation"])
        return assessment
