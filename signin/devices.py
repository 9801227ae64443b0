"""Second factors: an authenticator app (TOTP) and one-use recovery codes.

Both are django-otp devices. A person has at most one confirmed
authenticator and one set of recovery codes; setting up again replaces them.
"""

from __future__ import annotations

import io
import re
from base64 import b32encode
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import segno
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"


def pending_authenticator(user: Any) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed,
    so reloading the page never changes a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as an app asks for it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> bytes:
    """The ``otpauth://`` address as a QR code: an SVG of paths, with no
    script and no style, dark on a light quiet zone whatever the admin's theme."""
    out = io.BytesIO()
    segno.make(device.config_url, error="m").save(
        out, kind="svg", scale=5, border=4, dark="#000", light="#fff", xmldecl=False
    )
    return out.getvalue()


def normalise(code: str) -> str:
    """What was typed, without spaces or dashes, in lower case."""
    return re.sub(r"[\s-]", "", code or "").lower()


def new_recovery_codes(user: Any) -> list[str]:
    """Replace the person's recovery codes with fresh ones, and return them.

    They are shown once: only the person keeps them."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return [f"{code[:4]}-{code[4:]}" for code in codes]


def recovery_codes_left(user: Any) -> int:
    return int(StaticToken.objects.filter(device__user=user, device__confirmed=True).count())


def has_authenticator(user: Any) -> bool:
    return bool(TOTPDevice.objects.filter(user=user, confirmed=True).exists())


@dataclass(frozen=True)
class CodeCheck:
    """The device that accepted a code, or why none did."""

    device: Any = None
    wait_until: datetime | None = None

    @property
    def accepted(self) -> bool:
        return self.device is not None


def confirm_authenticator(device: TOTPDevice, code: str) -> CodeCheck:
    """Confirm ``device`` if ``code`` is its current one; it replaces any other."""
    with transaction.atomic():
        allowed, why = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(wait_until=(why or {}).get("locked_until"))
        if not device.verify_token(normalise(code)):
            return CodeCheck()
        TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    return CodeCheck(device=device)


def check_code(user: Any, code: str) -> CodeCheck:
    """Six digits are checked against the authenticator, anything else against
    the recovery codes (a used one is gone). A device that has refused several
    codes in a row checks nothing until its wait is over (django-otp's brake)."""
    code = normalise(code)
    if not code:
        return CodeCheck()
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    wait_until = None
    with transaction.atomic():
        for device in devices_for_user(user, for_verify=True):
            if not isinstance(device, kind):
                continue
            allowed, why = device.verify_is_allowed()
            if not allowed:
                wait_until = (why or {}).get("locked_until")
                continue
            if device.verify_token(code):
                return CodeCheck(device=device)
    return CodeCheck(wait_until=wait_until)


def reset_devices(user: Any) -> int:
    """Remove every second factor the person has; they set it up again at their
    next sign-in (or may go without, if it is not required of them)."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        _, per_model = model.objects.filter(user=user).delete()
        removed += per_model.get(model._meta.label, 0)
    return removed
