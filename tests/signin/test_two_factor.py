"""Two-step sign-in through the real pages: Wagtail's password page, then the
code (or set-up) page; who must use it, who may, and what it protects."""

import io
import time
from urllib.parse import parse_qs, urlsplit

import pytest
import segno
from django.core import mail
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from signin.choices import SignInEventKind
from signin.models import SignInEvent
from tests.conftest import make_user
from tests.signin.helpers import HOME, dashboard, enter_code, enter_password, person, text
from tests.two_factor import code_at, enrol_authenticator, next_code, wrong_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_device_brake(settings):
    """django-otp pauses a device for a second after a wrong code; tests that
    type a right code straight after a wrong one switch that off (the brake
    has its own test below)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def set_up(client, user):
    """Set up an authenticator from the secret the set-up page shows."""
    page = client.get(reverse("signin_enrol"))
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    shown = text(page).split('id="secret-key">')[1].split("<")[0]
    assert shown.replace(" ", "") in device.config_url
    return client.post(reverse("signin_enrol"), {"code": code_at(device, time.time())})


@pytest.mark.parametrize(
    "groups, superuser",
    [(["Personal data"], False), (["Moderators"], False), (["Ladder managers"], False), ([], True)],
)
def test_those_who_must_are_sent_to_set_up_before_any_admin_page(
    client, django_user_model, groups, superuser
):
    make_user(django_user_model, "staff", groups, is_superuser=superuser)
    response = enter_password(client, "staff")
    assert response.status_code == 302
    for path in (reverse("wagtailadmin_home"), reverse("wagtailadmin_explore_root")):
        sent = client.get(path)
        assert sent.status_code == 302
        assert urlsplit(sent["Location"]).path == reverse("signin_enrol")
        assert parse_qs(urlsplit(sent["Location"]).query)["next"] == [path]
    page = client.get(reverse("signin_enrol"))
    assert "Set up two-step sign-in" in text(page)
    assert "no-store" in page["Cache-Control"]


def test_an_editor_signs_in_with_a_password_alone(client, django_user_model):
    make_user(django_user_model, "ed", ["Editors"])
    enter_password(client, "ed")
    assert dashboard(client).status_code == 200
    event = SignInEvent.objects.get()
    assert (event.kind, event.username, event.ip_address) == ("signed_in", "ed", HOME)
    assert event.detail == "password only"


def test_setting_up_shows_the_codes_once_and_signs_in(
    client, django_user_model, django_capture_on_commit_callbacks
):
    user = person(django_user_model)
    enter_password(client, "dpo")
    with django_capture_on_commit_callbacks(execute=True):
        shown = set_up(client, user)
    assert shown.status_code == 200
    assert "no-store" in shown["Cache-Control"]
    codes = [part.split("</code>")[0] for part in text(shown).split("<code>")[1:]]
    assert len(codes) == 10
    stored = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert {code.replace("-", "") for code in codes} == stored
    assert TOTPDevice.objects.get(user=user).confirmed
    assert dashboard(client).status_code == 200
    # Shown once: nothing fetches them again.
    assert "<code>" not in text(client.get(reverse("signin_two_step")))
    kinds = list(SignInEvent.objects.order_by("when", "pk").values_list("kind", flat=True))
    assert kinds == ["password_accepted", "enrolled", "signed_in"]
    (notice,) = mail.outbox
    assert notice.to == ["dpo@example.org"]
    assert "Two-step sign-in was set up" in notice.subject


def test_a_wrong_set_up_code_is_explained_and_confirms_nothing(client, django_user_model):
    user = person(django_user_model)
    enter_password(client, "dpo")
    client.get(reverse("signin_enrol"))
    device = TOTPDevice.objects.get(user=user)
    response = client.post(reverse("signin_enrol"), {"code": wrong_code(device)})
    assert "That code did not match" in text(response)
    device.refresh_from_db()
    assert not device.confirmed
    assert not StaticToken.objects.exists()
    assert dashboard(client).status_code == 302
    # The same secret stays on the page, so a scanned QR code still works.
    assert TOTPDevice.objects.get(user=user).pk == device.pk


def test_the_qr_code_is_an_svg_of_the_apps_address(client, django_user_model):
    user = person(django_user_model)
    enter_password(client, "dpo")
    client.get(reverse("signin_enrol"))
    response = client.get(reverse("signin_enrol_qr"))
    assert response["Content-Type"] == "image/svg+xml"
    assert "no-store" in response["Cache-Control"]
    svg = response.content.decode()
    assert "<script" not in svg and "style" not in svg
    device = TOTPDevice.objects.get(user=user)
    assert device.config_url.startswith("otpauth://totp/Co-pro%20Network%3Adpo?secret=")
    # The same symbol segno draws for the app's address, and nothing else.
    expected = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        expected, kind="svg", scale=5, border=4, dark="#000", light="#fff", xmldecl=False
    )
    assert svg == expected.getvalue().decode()


def test_signing_in_again_asks_for_the_code(client, django_user_model, no_device_brake):
    user = person(django_user_model)
    device = enrol_authenticator(user)
    enter_password(client, "dpo")
    asked = dashboard(client)
    assert urlsplit(asked["Location"]).path == reverse("signin_verify")
    wrong = enter_code(client, wrong_code(device))
    assert "That code is not right" in text(wrong)
    assert dashboard(client).status_code == 302
    right = enter_code(
        client, next_code(device), next_url=reverse("wagtailadmin_pages:add_subpage", args=[2])
    )
    assert right["Location"] == reverse("wagtailadmin_pages:add_subpage", args=[2])
    assert dashboard(client).status_code == 200
    kinds = list(SignInEvent.objects.order_by("when", "pk").values_list("kind", "detail"))
    assert kinds == [
        ("password_accepted", "code asked"),
        ("wrong_code", ""),
        ("signed_in", "password and authenticator app"),
    ]


def test_a_recovery_code_works_once(client, django_user_model):
    user = person(django_user_model)
    enter_password(client, "dpo")
    codes = [c.split("</code>")[0] for c in text(set_up(client, user)).split("<code>")[1:]]
    client.post(reverse("wagtailadmin_logout"))

    enter_password(client, "dpo")
    used = enter_code(client, codes[3].upper().replace("-", " "))
    assert used.status_code == 302
    assert dashboard(client).status_code == 200
    client.post(reverse("wagtailadmin_logout"))

    enter_password(client, "dpo")
    again = enter_code(client, codes[3])
    assert "That code is not right" in text(again)
    assert StaticToken.objects.filter(device__user=user).count() == 9


def test_the_device_brake_pauses_codes_after_a_wrong_one(client, django_user_model, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 600
    user = person(django_user_model)
    device = enrol_authenticator(user)
    enter_password(client, "dpo")
    enter_code(client, wrong_code(device))
    paused = enter_code(client, next_code(device))
    assert "Too many wrong codes in a row. Wait until" in text(paused)
    assert dashboard(client).status_code == 302
    # The pause is not a guess: it is not counted towards a lockout.
    assert SignInEvent.objects.filter(kind=SignInEventKind.WRONG_CODE).count() == 1


def test_a_password_alone_cannot_replace_a_second_factor(client, django_user_model):
    user = person(django_user_model)
    enrol_authenticator(user)
    enter_password(client, "dpo")
    response = client.get(reverse("signin_enrol"))
    assert urlsplit(response["Location"]).path == reverse("signin_verify")
    assert client.get(reverse("signin_enrol_qr")).status_code in (302, 403)
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_the_public_site_treats_a_half_signed_in_person_as_signed_out(
    client, django_user_model, home_page
):
    PageViewRestriction.objects.create(page=home_page, restriction_type="login")
    user = person(django_user_model)
    enrol_authenticator(user)
    enter_password(client, "dpo")
    assert client.get(home_page.url).status_code == 302
    enter_code(client, next_code(TOTPDevice.objects.get(user=user)))
    assert client.get(home_page.url).status_code == 200


def test_someone_not_required_may_turn_it_on_and_off(client, django_user_model):
    user = make_user(django_user_model, "ed", ["Editors"])
    enter_password(client, "ed")
    account = client.get(reverse("wagtailadmin_account"))
    assert reverse("signin_two_step") in text(account)
    assert "Two-step sign-in is off" in text(client.get(reverse("signin_two_step")))
    set_up(client, user)
    client.post(reverse("wagtailadmin_logout"))

    enter_password(client, "ed")
    assert urlsplit(dashboard(client)["Location"]).path == reverse("signin_verify")
    enter_code(client, next_code(TOTPDevice.objects.get(user=user)))
    unticked = client.post(reverse("signin_turn_off"), {})
    assert unticked.status_code == 302
    assert TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("signin_turn_off"), {"confirm": "on"})
    assert not TOTPDevice.objects.filter(user=user).exists()
    client.post(reverse("wagtailadmin_logout"))
    enter_password(client, "ed")
    assert dashboard(client).status_code == 200


def test_those_who_must_cannot_turn_it_off(client, django_user_model):
    user = person(django_user_model)
    client.force_login(user)
    assert "stays on" in text(client.get(reverse("signin_two_step")))
    refused = client.post(reverse("signin_turn_off"), {"confirm": "on"})
    assert refused.status_code == 302  # Wagtail's "permission denied" answer
    assert "permission" in text(client.get(refused["Location"], follow=True)).lower()
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def test_new_recovery_codes_replace_the_old_ones(client, django_user_model):
    user = person(django_user_model)
    client.force_login(user)
    client.get(reverse("signin_enrol"))
    old = set(StaticToken.objects.values_list("token", flat=True))
    response = client.post(reverse("signin_renew_recovery_codes"))
    assert "Your old recovery codes no longer work" in text(response)
    new = set(StaticToken.objects.filter(device__user=user).values_list("token", flat=True))
    assert len(new) == 10 and not (old & new)
    assert SignInEvent.objects.filter(kind="recovery_codes_renewed", user=user).exists()


def test_a_new_phone_replaces_the_old_one(client, django_user_model):
    user = person(django_user_model)
    client.force_login(user)
    old = TOTPDevice.objects.get(user=user)
    page = client.get(reverse("signin_enrol"))
    assert "the old one stops working" in text(page)
    set_up(client, user)
    assert list(TOTPDevice.objects.filter(user=user)) != [old]
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
