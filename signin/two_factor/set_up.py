"""Setting up two-step sign-in, and looking after it from one's account.

Set-up shows a QR code (an SVG image served by ``qr_code``, so the admin's
Content Security Policy needs nothing beyond ``img-src 'self'``) and the same
secret as text, for apps that cannot scan. The recovery codes are shown once,
in the answer to the form that made them, and never stored anywhere the
person could fetch them again.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from signin import audit
from signin.choices import SecondFactorState, SignInEventKind
from signin.devices import (
    confirm_authenticator,
    has_authenticator,
    new_recovery_codes,
    pending_authenticator,
    qr_code_svg,
    recovery_codes_left,
    reset_devices,
    secret_text,
)
from signin.notices import tell_person
from signin.policy import second_factor_required, second_factor_state
from signin.two_factor.forms import SetUpForm, TurnOffForm
from signin.two_factor.navigation import next_url
from signin.two_factor.sign_in import complete_sign_in, verify_session, wait_message


def no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def recovery_codes_page(
    request: HttpRequest, codes: list[str], *, first_time: bool
) -> HttpResponse:
    return no_store(
        TemplateResponse(
            request,
            "components/signin/recovery_codes.html",
            {"codes": codes, "first_time": first_time, "next": next_url(request)},
        )
    )


@sensitive_post_parameters("code")
@never_cache
def enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    state = second_factor_state(user)
    if state == SecondFactorState.VERIFY:
        # A password alone never replaces someone's second factor.
        return redirect(reverse("signin_verify") + "?" + urlencode({"next": next_url(request)}))
    device = pending_authenticator(user)
    form = SetUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = confirm_authenticator(device, form.cleaned_data["code"])
        if result.accepted:
            codes = new_recovery_codes(user)
            audit.record(SignInEventKind.ENROLLED, user=user, request=request)
            if state == SecondFactorState.ENROL:
                complete_sign_in(request, device, "password and authenticator app (just set up)")
            else:
                verify_session(request, device)
            tell_person(user, "two_step_set_up")
            return recovery_codes_page(request, codes, first_time=True)
        form.add_error(
            "code",
            wait_message(result.wait_until)
            if result.wait_until
            else "That code did not match. Check that your phone sets its clock "
            "automatically, then enter the code the app shows now.",
        )
    return no_store(
        TemplateResponse(
            request,
            "components/signin/enrol.html",
            {
                "form": form,
                "secret": secret_text(device),
                "required": second_factor_required(user),
                "replacing": has_authenticator(user),
                "next": next_url(request),
            },
        )
    )


@never_cache
def qr_code(request: HttpRequest) -> HttpResponse:
    """The QR code of the authenticator being set up, as an SVG image."""
    if second_factor_state(request.user) == SecondFactorState.VERIFY:
        raise PermissionDenied
    response = HttpResponse(
        qr_code_svg(pending_authenticator(request.user)), content_type="image/svg+xml"
    )
    return no_store(response)


@never_cache
def overview(request: HttpRequest) -> HttpResponse:
    """Account > Two-step sign-in: what is set up, and what can be done."""
    user = request.user
    return TemplateResponse(
        request,
        "components/signin/two_step.html",
        {
            "has_authenticator": has_authenticator(user),
            "codes_left": recovery_codes_left(user),
            "required": second_factor_required(user),
            "turn_off_form": TurnOffForm(),
            "header_icon": "key",
        },
    )


@require_POST
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    user = request.user
    if second_factor_state(user) != SecondFactorState.DONE:
        raise PermissionDenied
    codes = new_recovery_codes(user)
    audit.record(SignInEventKind.RECOVERY_CODES_RENEWED, user=user, request=request)
    return recovery_codes_page(request, codes, first_time=False)


@require_POST
def turn_off(request: HttpRequest) -> HttpResponse:
    """Only for people it is not required of, and only once they gave a code."""
    user = request.user
    if second_factor_required(user) or second_factor_state(user) != SecondFactorState.DONE:
        raise PermissionDenied
    form = TurnOffForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.errors["confirm"][0])
        return redirect("signin_two_step")
    reset_devices(user)
    audit.record(
        SignInEventKind.RESET, user=user, request=request, detail="turned off by themselves"
    )
    tell_person(user, "two_step_reset", by_themselves=True)
    messages.success(
        request, "Two-step sign-in is off. Signing in now asks only for your password."
    )
    return redirect("signin_two_step")
