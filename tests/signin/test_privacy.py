"""Sign-in's personal data is declared, found, kept and purged by the privacy
registry's rules."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from privacy import subject_requests
from privacy.registry import personal_data_sources
from privacy.retention import purge
from signin.models import SignInEvent
from tests.signin.helpers import enter_password, person
from tests.two_factor import enrol_authenticator

pytestmark = pytest.mark.django_db


def test_sign_in_data_is_declared():
    labels = {source.label for source in personal_data_sources.sources}
    assert {
        "Sign-in log (staff)",
        "Failed sign-in counter (lockout)",
        "Two-step sign-in: authenticator app",
        "Two-step sign-in: recovery codes",
    } <= labels


def test_a_request_finds_a_persons_sign_ins_and_devices_but_never_erases_the_log(
    client, django_user_model
):
    user = person(django_user_model)
    enrol_authenticator(user)
    enter_password(client, "dpo")
    found = subject_requests.find(email="DPO@example.org", phone="")
    by_source = {match.source: match for match in found}
    assert by_source["Sign-in log (staff)"].data["what"] == "Password right, code asked"
    device = by_source["Two-step sign-in: authenticator app"].data
    assert set(device) == {"name", "confirmed", "created_at", "last_used_at"}
    assert not by_source["Sign-in log (staff)"].erasable
    subject_requests.erase(found)
    assert SignInEvent.objects.filter(user=user).exists()


def test_the_purge_removes_old_log_entries_and_failure_counters(client, settings):
    enter_password(client, "someone", "wrong")
    enter_password(client, "someone else", "wrong", address="192.0.2.50")
    old = timezone.now() - timedelta(days=settings.SIGNIN_LOG_KEEP_DAYS + 1)
    SignInEvent.objects.filter(ip_address="203.0.113.7").update(when=old)
    AccessAttempt.objects.filter(username="someone").update(
        attempt_time=timezone.now() - timedelta(days=2)
    )
    report = str(purge())
    assert "Deleted 1 sign-in log entries." in report
    assert "Deleted 1 failed sign-in counters." in report
    assert SignInEvent.objects.count() == 1
    assert AccessAttempt.objects.count() == 1
