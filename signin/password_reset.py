"""Password-reset requests, rate-limited per address and per email address.

Mounted over Wagtail's own view at the same URL (``config/urls.py``), so the
page looks and works the same. The limit applies whether or not an account
has that email address, so it gives nothing away.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from wagtail.admin.views.account import PasswordResetView

from home.client_ip import client_ip
from home.form_protection import hit_rate_limit

HOUR = 60 * 60
TOO_MANY = (
    "Too many password reset requests from here. Try again in an hour, "
    "or ask a superuser to reset your password."
)


class RateLimitedPasswordResetView(PasswordResetView):  # type: ignore[misc]
    def form_valid(self, form: Any) -> HttpResponse:
        limit = settings.SIGNIN_PASSWORD_RESETS_PER_HOUR
        email = form.cleaned_data["email"].strip().lower()
        # Both counted on every request, so neither limit hides the other.
        by_address = hit_rate_limit("password-reset:ip", client_ip(self.request), limit, HOUR)
        by_email = hit_rate_limit("password-reset:email", email, limit, HOUR)
        if by_address or by_email:
            form.add_error(None, TOO_MANY)
            response: HttpResponse = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)  # type: ignore[no-any-return]
