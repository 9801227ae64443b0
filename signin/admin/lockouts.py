"""Settings > Sign-in lockouts: superusers see which usernames are paused at
which addresses, and clear them (django-axes' own screens are for Django's
admin, which this project does not mount)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail.admin.menu import MenuItem

from signin import audit
from signin.choices import SignInEventKind
from signin.lockout import failure_limit, recent_failures, unlock


class UnlockForm(forms.Form):
    username = forms.CharField(max_length=255, required=False)
    ip_address = forms.GenericIPAddressField(required=False)


def lockouts_view(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        form = UnlockForm(request.POST)
        if form.is_valid() and (form.cleaned_data["username"] or form.cleaned_data["ip_address"]):
            username = form.cleaned_data["username"] or None
            address = form.cleaned_data["ip_address"] or None
            cleared = unlock(username=username, address=address)
            audit.record(
                SignInEventKind.UNLOCKED,
                user=audit.account_named(username),
                username=username or "",
                detail=f"by {request.user.get_username()}; {cleared} record(s) cleared",
            )
            messages.success(
                request, f"Cleared: {username or 'any username'} from {address or 'any address'}."
            )
        else:
            messages.error(request, "Choose a username or an address to unlock.")
        return redirect("signin_lockouts")
    response = TemplateResponse(
        request,
        "components/signin/admin/lockouts.html",
        {"lockouts": recent_failures(), "limit": failure_limit(), "header_icon": "lock"},
    )
    response["Cache-Control"] = "no-store"
    return response


def lockouts_urls():
    return [path("sign-in-lockouts/", lockouts_view, name="signin_lockouts")]


class SuperusersOnlyMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser)


def lockouts_menu_item() -> MenuItem:
    return SuperusersOnlyMenuItem(
        "Sign-in lockouts", reverse("signin_lockouts"), icon_name="lock", order=910
    )
