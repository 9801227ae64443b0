"""Short admin sessions, and sessions that end when an account changes."""

import time

import pytest
from django.conf import settings
from django.urls import reverse

from signin.sessions import LAST_SEEN_AT, SIGNED_IN_AT
from tests.conftest import make_user
from tests.signin.helpers import dashboard, enter_password, text

pytestmark = pytest.mark.django_db

MINUTE = 60


@pytest.fixture
def ed(django_user_model):
    return make_user(django_user_model, "ed", ["Editors"])


def shift_clock(client, **seconds_ago):
    """Pretend the session began, or was last used, that many seconds ago."""
    session = client.session
    now = time.time()
    for key, ago in seconds_ago.items():
        session[{"signed_in": SIGNED_IN_AT, "last_seen": LAST_SEEN_AT}[key]] = now - ago
    session.save()


def test_thirty_idle_minutes_end_the_session(client, ed):
    enter_password(client, "ed")
    shift_clock(client, last_seen=29 * MINUTE)
    assert dashboard(client).status_code == 200
    shift_clock(client, last_seen=31 * MINUTE)
    ended = dashboard(client)
    assert ended.status_code == 302
    assert ended["Location"].startswith(reverse("wagtailadmin_login") + "?next=")
    login = client.get(ended["Location"])
    assert "signed out after 30 minutes without activity" in text(login)
    assert dashboard(client).status_code == 302


def test_twelve_hours_end_the_session_however_busy(client, ed):
    enter_password(client, "ed")
    shift_clock(client, signed_in=12 * 60 * MINUTE + 1, last_seen=0)
    ended = dashboard(client)
    assert ended.status_code == 302
    assert "signed in more than 12 hours ago" in text(client.get(ended["Location"]))


def test_the_limits_come_from_settings(client, ed, settings):
    settings.SIGNIN_IDLE_MINUTES = 5
    enter_password(client, "ed")
    shift_clock(client, last_seen=6 * MINUTE)
    assert dashboard(client).status_code == 302


def test_editing_session_pings_are_not_activity(client, ed, home_page):
    enter_password(client, "ed")
    shift_clock(client, last_seen=10 * MINUTE)
    before = client.session[LAST_SEEN_AT]
    ping = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["wagtailcore", "page", str(home_page.pk), 0],
    )
    client.post(ping)
    assert client.session[LAST_SEEN_AT] == before
    dashboard(client)
    assert client.session[LAST_SEEN_AT] > before


def test_the_public_site_after_the_limit_is_seen_signed_out(client, ed, home_page):
    enter_password(client, "ed")
    shift_clock(client, last_seen=31 * MINUTE)
    assert client.get(home_page.url).status_code == 200
    assert SIGNED_IN_AT not in client.session


def test_the_cookie_never_outlives_the_absolute_limit(client, ed):
    response = enter_password(client, "ed", remember="on")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == 12 * 60 * MINUTE


def test_deactivating_someone_ends_their_sessions(client, ed, superuser):
    enter_password(client, "ed")
    assert dashboard(client).status_code == 200
    admin = client.__class__()
    admin.force_login(superuser)
    response = admin.post(
        reverse("wagtailusers_users:edit", args=[ed.pk]),
        {
            "username": "ed",
            "email": "ed@example.org",
            "first_name": "Ed",
            "last_name": "Example",
            "password1": "",
            "password2": "",
            "groups": [ed.groups.get().pk],
        },
    )
    assert response.status_code == 302, text(response)
    ed.refresh_from_db()
    assert not ed.is_active
    assert dashboard(client).status_code == 302


def test_changing_a_password_ends_the_other_sessions(client, ed):
    enter_password(client, "ed")
    elsewhere = client.__class__()
    enter_password(elsewhere, "ed")
    assert dashboard(elsewhere).status_code == 200
    changed = client.post(
        reverse("wagtailadmin_account"),
        {
            "password-old_password": "password",
            "password-new_password1": "a much longer new password 7",
            "password-new_password2": "a much longer new password 7",
            "name_email-first_name": "Ed",
            "name_email-last_name": "Example",
            "name_email-email": "ed@example.org",
            "locale-preferred_language": "",
            "locale-current_time_zone": "",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert changed.status_code == 302, text(changed)
    assert dashboard(client).status_code == 200  # the session that changed it stays
    assert dashboard(elsewhere).status_code == 302


def test_a_superuser_setting_a_new_password_ends_their_sessions(client, ed, superuser):
    enter_password(client, "ed")
    admin = client.__class__()
    admin.force_login(superuser)
    response = admin.post(
        reverse("wagtailusers_users:edit", args=[ed.pk]),
        {
            "username": "ed",
            "email": "ed@example.org",
            "first_name": "Ed",
            "last_name": "Example",
            "password1": "a much longer new password 7",
            "password2": "a much longer new password 7",
            "is_active": "on",
            "groups": [ed.groups.get().pk],
        },
    )
    assert response.status_code == 302, text(response)
    assert dashboard(client).status_code == 302
