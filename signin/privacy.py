"""Personal data kept by staff sign-in, declared to the privacy registry
(registered from ``signin/wagtail_hooks.py``)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from privacy.contacts import Contact
from privacy.registry import (
    DELETE_RECORD,
    DELETED_WHEN_ITS_TIME_COMES,
    ERASED_BY_HAND,
    Declaration,
    PersonalDataSource,
    PurgeClock,
    RetentionRule,
)
from signin.models import SignInEvent

# Failure counters only matter for the cool-off (minutes); a day lets the
# lockouts screen show the recent past.
FAILURE_COUNTERS_KEEP_DAYS = 1


def accounts_for(contact: Contact) -> QuerySet[Any]:
    if not contact.email:
        return get_user_model()._default_manager.none()
    return get_user_model()._default_manager.filter(email__iexact=contact.email)


def sign_in_events_for(contact: Contact) -> QuerySet[SignInEvent]:
    return SignInEvent.objects.filter(user__in=accounts_for(contact))


def export_sign_in_event(event: SignInEvent) -> dict[str, object]:
    return {
        "when": event.when,
        "what": event.get_kind_display(),
        "username": event.username,
        "ip_address": event.ip_address,
        "detail": event.detail,
    }


def sign_in_events_past_keeping(clock: PurgeClock) -> QuerySet[SignInEvent]:
    return SignInEvent.objects.filter(
        when__lt=clock.now - timedelta(days=settings.SIGNIN_LOG_KEEP_DAYS)
    )


SIGN_IN_LOG = PersonalDataSource(
    label="Sign-in log (staff)",
    model=SignInEvent,
    personal_fields=("username", "ip_address"),
    find=sign_in_events_for,
    export=export_sign_in_event,
    # The security record of who got into the admin: a request screen must
    # not let anyone, the Personal data group included, wipe their own tracks.
    erasure=DELETED_WHEN_ITS_TIME_COMES,
    note="The security record of staff sign-ins: kept for its retention period, not erased on request.",
    retention=RetentionRule(
        when=f"{settings.SIGNIN_LOG_KEEP_DAYS} days after the event",
        what="sign-in log entries",
        expired=sign_in_events_past_keeping,
    ),
)


def export_failure_counter(attempt: AccessAttempt) -> dict[str, object]:
    return {"username": attempt.username, "ip_address": attempt.ip_address}


def failure_counters_past_keeping(clock: PurgeClock) -> QuerySet[AccessAttempt]:
    expired: QuerySet[AccessAttempt] = AccessAttempt.objects.filter(
        attempt_time__lt=clock.now - timedelta(days=FAILURE_COUNTERS_KEEP_DAYS)
    )
    return expired


FAILED_SIGN_IN_COUNTERS = PersonalDataSource(
    label="Failed sign-in counter (lockout)",
    model=AccessAttempt,
    personal_fields=("username", "ip_address", "user_agent", "get_data", "post_data"),
    find=None,
    note=(
        "django-axes' counters of wrong passwords and codes, by what was typed as the "
        "username and the network address; never the password or code. Not found by "
        "email or phone; gone within a day."
    ),
    export=export_failure_counter,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when=f"{FAILURE_COUNTERS_KEEP_DAYS} day after the last failure",
        what="failed sign-in counters",
        expired=failure_counters_past_keeping,
    ),
)


def devices_for(model: Any) -> Any:
    def find(contact: Contact) -> QuerySet[Any]:
        found: QuerySet[Any] = model.objects.filter(user__in=accounts_for(contact))
        return found

    return find


def export_device(device: Any) -> dict[str, object]:
    """What the device is and when it was used; never its secret or codes."""
    return {
        "name": device.name,
        "confirmed": device.confirmed,
        "created_at": device.created_at,
        "last_used_at": device.last_used_at,
    }


def second_factor(label: str, model: Any) -> PersonalDataSource:
    return PersonalDataSource(
        label=label,
        model=model,
        personal_fields=("user",),
        find=devices_for(model),
        export=export_device,
        erasure=ERASED_BY_HAND,
        note=(
            "Part of a staff login: reset it under Settings > Users (More > Reset two-step "
            "sign-in) or with manage.py reset_two_factor."
        ),
        retention=None,
        kept_because="Needed to sign in while the account exists; deleted with the account.",
    )


def personal_data_sources() -> list[Declaration]:
    return [
        SIGN_IN_LOG,
        FAILED_SIGN_IN_COUNTERS,
        second_factor("Two-step sign-in: authenticator app", TOTPDevice),
        second_factor("Two-step sign-in: recovery codes", StaticDevice),
    ]
