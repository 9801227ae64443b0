"""The sign-in log: what is recorded, from Django's and axes' signals and
from the second-factor screens, and the alert to superusers.

Nothing here records a password or a code. A failure for a username that
matches no account is recorded without it (it may be a password typed into
the wrong box).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.signals import user_locked_out
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django_otp import user_has_device

from home.emails import send_templated_email
from home.site_address import absolute_url
from signin.choices import SignInEventKind
from signin.lockout import clear_failures, client_address
from signin.models import SignInEvent
from signin.policy import second_factor_required

# ``sender`` of the ``user_login_failed`` signal for a wrong code, so axes
# counts it and the log (which records it itself) can tell it apart.
SECOND_FACTOR_STEP = "signin.second_factor"
FAILURES = [SignInEventKind.WRONG_PASSWORD, SignInEventKind.WRONG_CODE]


def record(
    kind: SignInEventKind,
    *,
    user: Any = None,
    username: str = "",
    request: HttpRequest | None = None,
    detail: str = "",
) -> SignInEvent:
    return SignInEvent.objects.create(
        kind=kind,
        user=user,
        username=user.get_username() if user is not None else username,
        ip_address=client_address(request) if request is not None else None,
        detail=detail[:200],
    )


def account_named(username: str | None) -> Any:
    if not username:
        return None
    return get_user_model()._default_manager.filter(username=username).first()


@receiver(user_logged_in, dispatch_uid="signin.audit.password_accepted")
def password_accepted(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    """The password step is done: signed in, or a code is asked for next."""
    if request is None:
        return
    if user_has_device(user):
        record(SignInEventKind.PASSWORD_ACCEPTED, user=user, request=request, detail="code asked")
    elif second_factor_required(user):
        record(
            SignInEventKind.PASSWORD_ACCEPTED,
            user=user,
            request=request,
            detail="asked to set up two-step sign-in",
        )
    else:
        record(SignInEventKind.SIGNED_IN, user=user, request=request, detail="password only")
        clear_failures(request, user.get_username())


@receiver(user_login_failed, dispatch_uid="signin.audit.password_refused")
def password_refused(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    if request is None or sender == SECOND_FACTOR_STEP:
        return
    account = account_named(credentials.get("username"))
    # Axes refused it unchecked (the pair is locked) if it flagged the request
    # without counting a failure; whichever signal receiver ran first.
    refused = getattr(request, "axes_locked_out", False) and (
        getattr(request, "axes_failures_since_start", None) is None
    )
    if refused:
        record(SignInEventKind.REFUSED_LOCKED, user=account, request=request)
        return
    detail = "" if account else "no account has that username"
    record(SignInEventKind.WRONG_PASSWORD, user=account, request=request, detail=detail)
    if account is not None:
        alert_if_under_attack(account)


def code_refused(request: HttpRequest, user: Any) -> None:
    """A wrong second-factor code: logged, and counted by axes like a wrong password."""
    record(SignInEventKind.WRONG_CODE, user=user, request=request)
    user_login_failed.send(
        sender=SECOND_FACTOR_STEP, credentials={"username": user.get_username()}, request=request
    )
    alert_if_under_attack(user)


@receiver(user_locked_out, dispatch_uid="signin.audit.locked_out")
def locked_out(
    sender: Any, request: HttpRequest, username: str, ip_address: str, **kwargs: Any
) -> None:
    # Axes sends this signal again for each try refused while locked; the
    # refusal is already in the log.
    if getattr(request, "axes_failures_since_start", None) is None:
        return
    account = account_named(username)
    record(
        SignInEventKind.LOCKED_OUT,
        user=account,
        request=request,
        detail=f"for {settings.SIGNIN_LOCKOUT_MINUTES} minutes from this address",
    )


def alert_if_under_attack(user: Any) -> None:
    """Email the superusers once per window when one account has had
    ``SIGNIN_ALERT_FAILURES`` wrong passwords or codes from any addresses."""
    since = timezone.now() - timedelta(minutes=settings.SIGNIN_ALERT_WINDOW_MINUTES)
    recent = SignInEvent.objects.filter(user=user, when__gte=since)
    failures = recent.filter(kind__in=FAILURES)
    if failures.count() < settings.SIGNIN_ALERT_FAILURES:
        return
    if recent.filter(kind=SignInEventKind.ALERT_SENT).exists():
        return
    addresses = failures.exclude(ip_address=None).values("ip_address").distinct().count()
    superusers = get_user_model()._default_manager.filter(is_superuser=True, is_active=True)
    to = sorted({person.email for person in superusers if person.email})
    send_templated_email(  # type: ignore[no-untyped-call]
        "signin/many_failed_sign_ins",
        {
            "username": user.get_username(),
            "failures": failures.count(),
            "addresses": addresses,
            "minutes": settings.SIGNIN_ALERT_WINDOW_MINUTES,
            "limit": settings.AXES_FAILURE_LIMIT,
            "log_url": absolute_url(reverse("signin_lockouts")),
        },
        to=to,
    )
    record(
        SignInEventKind.ALERT_SENT,
        user=user,
        detail=f"{failures.count()} failures from {addresses} address(es); {len(to)} emailed",
    )
