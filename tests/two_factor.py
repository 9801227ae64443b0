"""Second factors in tests: enrol a person's authenticator, work out the
codes their phone would show, and sign a test client in with both factors.

``client.force_login(user)`` (tests/conftest.py) skips the password, and for
a person who must use a second factor it skips that the same way: it gives
them a confirmed authenticator and marks the session verified by it. Tests of
the sign-in itself (tests/signin/) go through the real login and code pages.
"""

import time

from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from signin.policy import second_factor_required


def enrol_authenticator(user):
    """A confirmed authenticator for ``user`` (their existing one, if any)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)


def code_at(device, when):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = when
    return f"{totp.token():0{device.digits}d}"


def next_code(device):
    """The code a phone shows now, or for the next time step when the current
    one was already used (a code is accepted once; the device allows one step
    either side, so the next step's code is good now)."""
    device.refresh_from_db()
    now = time.time()
    current_step = int((now - device.t0) // device.step)
    ahead = 1 if device.last_t >= current_step else 0
    return code_at(device, now + ahead * device.step)


def wrong_code(device):
    """Six digits that no step near now would accept."""
    now = time.time()
    near = {code_at(device, now + shift * device.step) for shift in range(-2, 3)}
    return next(f"{n:06d}" for n in range(1000, 1_000_000, 7919) if f"{n:06d}" not in near)


def pass_second_factor(client, user):
    """Mark the client's signed-in session as verified, as the code page does."""
    if not (second_factor_required(user) or user_has_device(user)):
        return
    device = enrol_authenticator(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
