"""The forms of the self-assessment journey.

Messages follow the GOV.UK pattern: say what to do, beside the field, and
repeat it in an error summary at the top of the page.
"""

from django import forms

from home.form_fields import DescribedForm, RecordChoiceField
from home.form_protection import HONEYPOT_FIELD, HoneypotWidget
from ladder.choices import NOT_APPLICABLE, NOT_APPLICABLE_LABEL, Relation, Scope, TookPart
from ladder.models.assessments import SelfAssessment
from partners.models import PartnerPage
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.forms import ContactWishesForm


class OptionalContactForm(ContactWishesForm):
    """Contact is optional here: only our team uses it, by hand, never the site."""

    contact_channels = (Channel.EMAIL, Channel.TEXT, Channel.CALL)
    contact_required = False
    contact_why = (
        "Only if you would like our team to contact you about your answers. We never send "
        "your private link to them. Some people share a phone or an email inbox: if someone "
        "else might see or hear our messages, we will not say what they are about."
    )


class StartForm(forms.Form):
    """Only a honeypot: starting costs nothing but a row, and is rate limited."""

    website_url = forms.CharField(required=False, label="Leave this empty", widget=HoneypotWidget())

    def looks_automated(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


class PartnerChoiceField(RecordChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class AboutForm(DescribedForm, OptionalContactForm, forms.ModelForm):
    """Who is answering, and what they are assessing."""

    partner = PartnerChoiceField(
        queryset=None,
        required=False,
        empty_label="Not listed, or I'd rather not say",
        label="Your organisation, if it is one of our partners",
        help_text="Choose it from the list, or type its name in the next box.",
        error_messages={"invalid_choice": "Choose your organisation from the list"},
    )
    organisation_name = forms.CharField(
        max_length=200,
        required=False,
        label="Organisation name",
        help_text="If it is not in the list above.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    scope_type = forms.ChoiceField(
        choices=Scope.choices,
        widget=forms.RadioSelect,
        label="What are you assessing?",
        error_messages={
            "required": "Choose whether you are assessing a service, a team or a project"
        },
    )
    scope_name = forms.CharField(
        max_length=200,
        label="Name of the service, team or project",
        help_text="For example, 'Tenants' voice panel' or 'Adult mental health, Salford'.",
        error_messages={"required": "Enter the name of the service, team or project"},
    )
    role = forms.CharField(
        max_length=120,
        label="Your role",
        help_text="For example, 'Service manager' or 'Member of the tenants' panel'.",
        error_messages={"required": "Enter your role"},
        widget=forms.TextInput(attrs={"autocomplete": "organization-title"}),
    )
    took_part = forms.ChoiceField(
        choices=TookPart.choices,
        widget=forms.RadioSelect,
        label="How are you answering?",
        error_messages={"required": "Choose how you are answering"},
    )

    class Meta:
        model = SelfAssessment
        fields = [
            "partner",
            "organisation_name",
            "scope_type",
            "scope_name",
            "role",
            "took_part",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].queryset = PartnerPage.objects.live().public().order_by("title")

    def clean(self):
        data = super().clean()
        if not data.get("partner") and not (data.get("organisation_name") or "").strip():
            self.add_error(
                "organisation_name",
                "Choose your organisation from the list, or type its name",
            )
        return data


class ThemeForm(DescribedForm, forms.Form):
    """One theme's questions, built from the pinned questionnaire version."""

    def __init__(self, theme, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme = theme
        for question in theme["questions"]:
            choices = [(option["key"], option["label"]) for option in question["options"]]
            if question.get("allow_not_applicable"):
                choices.append((NOT_APPLICABLE, NOT_APPLICABLE_LABEL))
            self.fields[self.field_name(question)] = forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                label=question["text"],
                help_text=question.get("help_text", ""),
                error_messages={
                    "required": "Choose an answer to this question",
                    "invalid_choice": "Choose one of the answers shown",
                },
            )
        self.fields["evidence"] = forms.CharField(
            required=False,
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 4}),
            label="Evidence or examples (optional)",
            help_text="What makes you give these answers? It is kept with your result.",
        )

    def summary_message(self, field, error):
        """Every question's error is "Choose an answer...": the summary names the question."""
        return f"{field.label}: {error}" if field.use_fieldset else error

    @staticmethod
    def field_name(question):
        return f"q-{question['key']}"

    def question_fields(self):
        return [self[self.field_name(question)] for question in self.theme["questions"]]

    def answers(self):
        return {
            question["key"]: self.cleaned_data[self.field_name(question)]
            for question in self.theme["questions"]
        }


class InvitedAboutForm(DescribedForm, OptionalContactForm, forms.ModelForm):
    """The "about you" step for someone answering through an invitation.

    The partner and what is assessed come from the invitation and cannot be
    changed; instead the person says (optionally) who they are, and how they
    relate to the partner, which the combined result compares.
    """

    name = forms.CharField(
        max_length=120,
        required=False,
        label="Your name (optional)",
        help_text="Only our team sees it. The partner's lead contact does not.",
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    relation = forms.ChoiceField(
        choices=Relation.choices,
        widget=forms.RadioSelect,
        label="How do you relate to the organisation?",
        help_text="We compare how staff and community members see things.",
        error_messages={"required": "Choose how you relate to the organisation"},
    )
    role = AboutForm.base_fields["role"]
    took_part = AboutForm.base_fields["took_part"]

    class Meta:
        model = SelfAssessment
        fields = ["role", "took_part"]

    def __init__(self, *args, respondent, **kwargs):
        self.respondent = respondent
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("name", respondent.name)
            self.initial.setdefault("relation", respondent.relation)
        self.order_fields(["name", "relation", "role", "took_part"])

    def save(self, commit=True):
        assessment = super().save(commit=commit)
        self.respondent.name = self.cleaned_data["name"].strip()
        self.respondent.relation = self.cleaned_data["relation"]
        if commit:
            self.respondent.save(update_fields=["name", "relation"])
        return assessment
