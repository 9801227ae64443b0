"""The second step of signing in: the code, after Wagtail's own password page.

Wagtail's login view signs the person in with their password; until they give
a code here, ``SecondFactorMiddleware`` lets them reach nothing else. A
wrong code is counted by axes like a wrong password, so five wrong tries
(passwords and codes together) from one address lock that username there.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from signin import audit
from signin.choices import SecondFactorState, SignInEventKind
from signin.devices import check_code, recovery_codes_left
from signin.lockout import clear_failures, is_locked, locked_out_response
from signin.policy import second_factor_state
from signin.two_factor.forms import CodeForm
from signin.two_factor.navigation import next_url

FEW_RECOVERY_CODES = 3


def wait_message(until: datetime | None) -> str:
    moment = timezone.localtime(until).strftime("%H:%M:%S") if until else "a few seconds"
    return f"Too many wrong codes in a row. Wait until {moment}, then try again."


def end_with_lockout(request: HttpRequest) -> HttpResponse:
    username = request.user.get_username()
    logout(request)
    return locked_out_response(request, credentials={"username": username})


def verify_session(request: HttpRequest, device: Any) -> None:
    """The session now counts as verified by ``device`` (under a new key:
    the session was just given more power)."""
    request.session.cycle_key()
    otp_login(request, device)


def complete_sign_in(request: HttpRequest, device: Any, how: str) -> None:
    verify_session(request, device)
    audit.record(SignInEventKind.SIGNED_IN, user=request.user, request=request, detail=how)
    clear_failures(request, request.user.get_username())


@sensitive_post_parameters("code")
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if second_factor_state(user) != SecondFactorState.VERIFY:
        return redirect(next_url(request))
    if is_locked(request, user.get_username()):
        return end_with_lockout(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = check_code(user, form.cleaned_data["code"])
        if result.accepted:
            if isinstance(result.device, StaticDevice):
                complete_sign_in(request, result.device, "password and a recovery code")
                left = recovery_codes_left(user)
                if left <= FEW_RECOVERY_CODES:
                    messages.warning(
                        request,
                        f"You have {left} recovery code{'s' if left != 1 else ''} left. "
                        "Make new ones under Account > Two-step sign-in.",
                    )
            else:
                complete_sign_in(request, result.device, "password and authenticator app")
            return redirect(next_url(request))
        if result.wait_until is not None:
            form.add_error("code", wait_message(result.wait_until))
        else:
            audit.code_refused(request, user)
            if getattr(request, "axes_locked_out", False):
                return end_with_lockout(request)
            form.add_error(
                "code",
                "That code is not right. Enter the code your app shows now, "
                "or one of your recovery codes.",
            )
    return TemplateResponse(
        request,
        "components/signin/verify.html",
        {"form": form, "next": next_url(request)},
    )
