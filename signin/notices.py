"""Emails to the person whose second factor was set up or reset, so someone
who did not do it hears about it."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from home.emails import send_templated_email
from home.site_address import absolute_url


def tell_person(user: Any, email: str, **context: Any) -> None:
    if not user.email:
        return
    send_templated_email(
        f"signin/{email}",
        {
            "name": user.get_short_name() or user.get_username(),
            "when": timezone.localtime(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "sign_in_url": absolute_url(reverse("wagtailadmin_login")),
            **context,
        },
        to=[user.email],
    )
