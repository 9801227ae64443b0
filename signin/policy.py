"""Who must sign in with a second factor, and where a signed-in person stands.

Required for superusers, for members of ``SIGNIN_SECOND_FACTOR_GROUPS``
(Personal data, Moderators, Ladder managers) and for anyone who may see
personal data by any other route (``privacy.view_personal_data`` given by
hand). Anyone else may set one up; once they have, they are asked for it too.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django_otp import user_has_device

from privacy.permissions import can_see_personal_data
from signin.choices import SecondFactorState


def second_factor_required(user: Any) -> bool:
    """Must this person set up a second factor before using the admin?"""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if user.groups.filter(name__in=settings.SIGNIN_SECOND_FACTOR_GROUPS).exists():
        return True
    return can_see_personal_data(user)


def second_factor_state(user: Any) -> SecondFactorState:
    """``user`` has passed ``OTPMiddleware`` (it has ``is_verified``)."""
    if user.is_verified():
        return SecondFactorState.DONE
    if user_has_device(user):
        return SecondFactorState.VERIFY
    if second_factor_required(user):
        return SecondFactorState.ENROL
    return SecondFactorState.NOT_NEEDED
