"""The one field the second-factor screens ask for."""

from django import forms


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code your authenticator app shows now, or one of your recovery codes.",
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": "",
            }
        ),
    )


class SetUpForm(forms.Form):
    code = forms.CharField(
        label="Code from your app",
        max_length=10,
        help_text="The 6 digits your authenticator app shows for this site, once you have added it.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


class TurnOffForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand that signing in will then ask only for my password",
        error_messages={"required": "Tick the box to turn two-step sign-in off."},
    )
