"""What superusers do: reset someone's second factor (screen and command),
read the sign-in log; and what nobody else can."""

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin.devices import new_recovery_codes
from signin.models import SignInEvent
from tests.signin.helpers import dashboard, enter_password, person, text
from tests.two_factor import enrol_authenticator

pytestmark = pytest.mark.django_db


@pytest.fixture
def dpo(django_user_model):
    user = person(django_user_model)
    enrol_authenticator(user)
    new_recovery_codes(user)
    return user


def test_a_superuser_resets_someones_second_factor(
    client, dpo, superuser, django_capture_on_commit_callbacks
):
    signed_in = client.__class__()
    signed_in.force_login(dpo)
    client.force_login(superuser)
    listing = client.get(reverse("wagtailusers_users:index"))
    assert reverse("signin_reset", args=[dpo.pk]) in text(listing)
    page = client.get(reverse("signin_reset", args=[dpo.pk]))
    assert "has an authenticator app and 10 recovery codes" in text(page)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(reverse("signin_reset", args=[dpo.pk]), follow=True)
    assert "Two-step sign-in reset for dpo" in text(done)
    assert not TOTPDevice.objects.filter(user=dpo).exists()
    assert not StaticToken.objects.exists()
    # Their open session now has to set it up again before any admin page.
    sent = dashboard(signed_in)
    assert sent["Location"].startswith(reverse("signin_enrol"))
    event = SignInEvent.objects.get(kind="reset")
    assert (event.username, event.detail) == ("dpo", "by super")
    (notice,) = mail.outbox
    assert notice.to == ["dpo@example.org"]
    assert "A superuser reset two-step sign-in" in notice.body


def test_only_superusers_reset(client, dpo, django_user_model):
    other = person(django_user_model, "another", ["Personal data", "Moderators"])
    client.force_login(other)
    assert reverse("signin_reset", args=[dpo.pk]) not in text(
        client.get(reverse("wagtailusers_users:index"))
    )
    assert client.post(reverse("signin_reset", args=[dpo.pk])).status_code == 302
    assert TOTPDevice.objects.filter(user=dpo).exists()


def test_the_reset_command(dpo, capsys):
    call_command("reset_two_factor", "dpo")
    assert "Removed 2 second factor(s) from dpo" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=dpo).exists()
    assert SignInEvent.objects.get(kind="reset").detail == "by manage.py reset_two_factor"
    with pytest.raises(CommandError, match="No account has the username 'nobody'"):
        call_command("reset_two_factor", "nobody")


def test_the_sign_in_log_is_for_superusers_and_read_only(client, superuser, dpo):
    enter_password(client, "dpo")
    event = SignInEvent.objects.get()
    staff = client.__class__()
    staff.force_login(dpo)
    assert staff.get(reverse("sign_in_log:index")).status_code == 302
    admin = client.__class__()
    admin.force_login(superuser)
    listing = admin.get(reverse("sign_in_log:index"))
    assert "Password right, code asked" in text(listing)
    assert admin.get(reverse("sign_in_log:inspect", args=[event.pk])).status_code == 200
    assert admin.get(reverse("sign_in_log:edit", args=[event.pk])).status_code == 302
    assert admin.post(reverse("sign_in_log:delete", args=[event.pk])).status_code == 302
    assert SignInEvent.objects.filter(pk=event.pk).exists()
    assert str(event) == f"Password right, code asked ({event.when:%Y-%m-%d %H:%M})"
