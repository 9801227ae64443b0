"""The participant's answers: five short plain choices and a comment, all optional;
kept only with their explicit consent."""

from django import forms

from home.form_fields import DescribedForm
from payments.choices import BeenPaid, ExpensesOnTime, ToldWhatChanged, YesPartlyNo
from payments.models.feedback import QUESTIONS

CHOICE_TYPES = {
    "been_paid": BeenPaid,
    "expenses_on_time": ExpensesOnTime,
    "as_described": YesPartlyNo,
    "listened_to": YesPartlyNo,
    "told_what_changed": ToldWhatChanged,
}


class FeedbackForm(DescribedForm, forms.Form):
    comment = forms.CharField(
        label="Anything else you want to tell us (optional)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only our team reads this. We never show it to the partner.",
        error_messages={"max_length": "Your comment must be 2,000 characters or fewer"},
    )
    may_quote = forms.BooleanField(
        label="You may quote my comment, without my name",
        required=False,
        help_text="Only for a later public report. Nothing is published yet.",
    )
    consent = forms.BooleanField(
        label="I agree you keep these answers for the reasons above",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        questions = {}
        for name, question, _ in QUESTIONS:
            questions[name] = forms.ChoiceField(
                label=question,
                required=False,
                choices=CHOICE_TYPES[name].choices,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": "Choose one of the answers"},
            )
        self.fields = {**questions, **self.fields}

    def clean(self):
        cleaned = super().clean()
        said_something = any(cleaned.get(name) for name, _, _ in QUESTIONS) or cleaned.get(
            "comment"
        )
        if said_something and not cleaned.get("consent"):
            self.add_error(
                "consent",
                "Tick this box so we can keep your answers, or leave the questions blank",
            )
        if not said_something:
            self.add_error(None, "Choose at least one answer, or simply close this page")
        return cleaned
