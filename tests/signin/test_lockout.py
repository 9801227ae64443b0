"""Lockout (django-axes) on Wagtail's own login: Wagtail's LoginForm is
Django's AuthenticationForm and hands the request to ``authenticate()``, so
axes sees every try, per username *and* address; wrong codes count too."""

from collections import Counter
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from signin.models import SignInEvent
from tests.conftest import make_user
from tests.signin.helpers import (
    ELSEWHERE,
    HOME,
    dashboard,
    enter_code,
    enter_password,
    person,
    text,
)
from tests.two_factor import enrol_authenticator, wrong_code

pytestmark = pytest.mark.django_db


def fail(client, username, times, address=HOME):
    for _ in range(times):
        response = enter_password(client, username, "not the password", address=address)
    return response


@pytest.fixture
def editor_ed(django_user_model):
    return make_user(django_user_model, "ed", ["Editors"])


def test_four_failures_then_the_right_password_signs_in(client, editor_ed):
    assert "didn&#x27;t match" in text(fail(client, "ed", 4))
    assert enter_password(client, "ed").status_code == 302
    assert dashboard(client).status_code == 200
    # A completed sign-in clears its own failures.
    assert not AccessAttempt.objects.exists()


def test_after_five_failures_the_right_password_is_refused_from_that_address_only(
    client, editor_ed, django_user_model
):
    fifth = fail(client, "ed", 5)
    assert fifth.status_code == 429
    assert "Signing in is paused" in text(fifth)

    sixth = enter_password(client, "ed")
    assert sixth.status_code == 429
    assert "Signing in is paused" in text(sixth)
    assert "ask a superuser to unlock it" in text(sixth)
    assert dashboard(client).status_code == 302  # not signed in

    # The same person from another address, and someone else from this one.
    assert enter_password(client, "ed", address=ELSEWHERE).status_code == 302
    assert dashboard(client, address=ELSEWHERE).status_code == 200
    client.post(reverse("wagtailadmin_logout"))
    make_user(django_user_model, "colleague", ["Editors"])
    assert enter_password(client, "colleague").status_code == 302

    kinds = Counter(SignInEvent.objects.filter(username="ed").values_list("kind", flat=True))
    assert kinds == {"wrong_password": 5, "locked_out": 1, "refused_locked": 1, "signed_in": 1}
    assert SignInEvent.objects.filter(kind="locked_out").get().ip_address == HOME


def test_the_pause_ends_after_the_cool_off(client, editor_ed, settings):
    fail(client, "ed", 5)
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time
        - timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES, seconds=1)
    )
    assert enter_password(client, "ed").status_code == 302
    assert dashboard(client).status_code == 200


def test_wrong_codes_count_with_wrong_passwords(client, django_user_model):
    user = person(django_user_model)
    device = enrol_authenticator(user)
    fail(client, "dpo", 4)
    enter_password(client, "dpo")
    locked = enter_code(client, wrong_code(device))
    assert locked.status_code == 429
    assert "Signing in is paused" in text(locked)
    # The half-finished sign-in is over, and the right password no longer works here.
    assert dashboard(client).status_code == 302
    assert reverse("wagtailadmin_login") in dashboard(client)["Location"]
    assert enter_password(client, "dpo").status_code == 429
    attempt = AccessAttempt.objects.get()
    assert attempt.failures_since_start == 5
    assert "not the password" not in attempt.post_data
    assert device.bin_key.hex() not in attempt.post_data


def test_the_clients_address_follows_the_trusted_proxy_rule(client, editor_ed, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def through_proxy(forwarded, password="not the password"):
        return client.post(
            reverse("wagtailadmin_login"),
            {"username": "ed", "password": password},
            REMOTE_ADDR="10.0.0.5",
            HTTP_X_FORWARDED_FOR=forwarded,
        )

    for _ in range(5):
        # What the client claims (left) is ignored; the proxy's hop is the address.
        through_proxy(f"192.0.2.{_}, {HOME}")
    assert through_proxy(HOME, password="password").status_code == 429
    assert through_proxy(f"{HOME}, {ELSEWHERE}", password="password").status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {HOME}
    # A forged, unreadable hop never breaks the page: the socket's address is used.
    assert through_proxy("not-an-address").status_code == 200


def test_failures_for_an_unknown_username_keep_no_username(client):
    fail(client, "my secret password", 1)
    event = SignInEvent.objects.get()
    assert (event.kind, event.username, event.user) == ("wrong_password", "", None)
    assert event.detail == "no account has that username"


def test_many_failures_from_many_addresses_alert_the_superusers_once(
    client, editor_ed, superuser, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        for address in ("192.0.2.1", "192.0.2.2", "192.0.2.3", "192.0.2.4"):
            fail(client, "ed", 5, address=address)
    (alert,) = mail.outbox
    assert alert.to == ["super@example.org"]
    assert alert.subject == "Many failed sign-ins for the account ed"
    assert "15 wrong passwords or sign-in codes" in alert.body
    assert "from 3 network addresses" in alert.body
    assert "192.0.2" not in alert.body
    assert SignInEvent.objects.filter(kind="alert_sent", username="ed").count() == 1


def test_superusers_see_and_clear_lockouts(client, editor_ed, superuser, django_user_model):
    fail(client, "ed", 5)
    staff = client.__class__()
    staff.force_login(superuser)
    page = staff.get(reverse("signin_lockouts"))
    assert "Paused until" in text(page)
    assert HOME in text(page)
    staff.post(reverse("signin_lockouts"), {"username": "ed", "ip_address": HOME})
    assert enter_password(client, "ed").status_code == 302
    unlocked = SignInEvent.objects.get(kind="unlocked")
    assert unlocked.detail == "by super; 1 record(s) cleared"

    others = client.__class__()
    others.force_login(person(django_user_model))
    assert others.get(reverse("signin_lockouts")).status_code == 302
    assert "Sign-in lockouts" not in text(others.get(reverse("wagtailadmin_home")))


def test_the_unlock_command(client, editor_ed, capsys):
    fail(client, "ed", 5)
    call_command("unlock_sign_in", "--username", "ed", "--address", HOME)
    assert "Cleared 1 failure record(s)." in capsys.readouterr().out
    assert enter_password(client, "ed").status_code == 302
    with pytest.raises(Exception, match="Give --username"):
        call_command("unlock_sign_in")
    with pytest.raises(Exception, match="not an IP address"):
        call_command("unlock_sign_in", "--address", "nowhere")
    with pytest.raises(Exception, match="give it alone"):
        call_command("unlock_sign_in", "--all", "--username", "ed")
    fail(client, "ed", 5, address=ELSEWHERE)
    call_command("unlock_sign_in", "--all")
    assert not AccessAttempt.objects.exists()
