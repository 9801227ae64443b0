"""Superusers reset someone's second factor (a lost or replaced phone): the
person sets it up again at their next sign-in. Reached from Settings > Users,
each person's "More" menu."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.widgets.button import Button

from signin import audit
from signin.choices import SignInEventKind
from signin.devices import has_authenticator, recovery_codes_left, reset_devices
from signin.notices import tell_person


def reset_for(person: Any, by: str) -> int:
    """Remove ``person``'s second factors, log it and tell them. Shared with
    ``manage.py reset_two_factor``."""
    removed = reset_devices(person)
    audit.record(SignInEventKind.RESET, user=person, detail=f"by {by}")
    tell_person(person, "two_step_reset", by_themselves=False)
    return removed


def reset_view(request: HttpRequest, user_id: int) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    person = get_object_or_404(get_user_model(), pk=user_id)
    if request.method == "POST":
        reset_for(person, by=request.user.get_username())
        messages.success(
            request,
            f"Two-step sign-in reset for {person.get_username()}. They set it up again "
            "the next time they sign in.",
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "components/signin/admin/reset.html",
        {
            "person": person,
            "has_authenticator": has_authenticator(person),
            "codes_left": recovery_codes_left(person),
            "header_icon": "key",
        },
    )


def reset_urls():
    return [path("two-step/reset/<int:user_id>/", reset_view, name="signin_reset")]


def reset_button(user: Any, request_user: Any) -> list[Button]:
    """The "Reset two-step sign-in" item in the users listing, for superusers."""
    if not request_user.is_superuser:
        return []
    return [
        Button(
            "Reset two-step sign-in",
            url=reverse("signin_reset", args=[user.pk]),
            icon_name="key",
            priority=90,
        )
    ]
