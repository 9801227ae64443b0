"""The link to Two-step sign-in on the account page's "More actions" tab."""

from django.http import HttpRequest
from django.urls import reverse


def two_step_account_menu_item(request: HttpRequest) -> dict[str, str]:
    return {
        "url": reverse("signin_two_step"),
        "label": "Two-step sign-in",
        "help_text": "Set up or change the app that gives you sign-in codes, or make new recovery codes.",
    }
