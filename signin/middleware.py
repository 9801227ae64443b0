"""Two middlewares, after django-otp's ``OTPMiddleware``:

- ``SessionLimitsMiddleware`` ends a session that was idle too long or began
  too long ago (``signin.sessions``);
- ``SecondFactorMiddleware`` keeps a person who has given only their
  password out of everything but the code and set-up screens: in the admin
  they are sent there; on the public site they are treated as signed out.

Both work in ``process_view``, when the URL is resolved.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from signin.choices import SecondFactorState
from signin.policy import second_factor_state
from signin.sessions import is_background, seen, session_over

# Admin screens a person may reach with only their password given: the
# code and set-up screens, signing out, and what every admin page loads.
BEFORE_SECOND_FACTOR = {
    "signin_verify",
    "signin_enrol",
    "signin_enrol_qr",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
}
SECOND_FACTOR_SCREENS = {
    SecondFactorState.VERIFY: "signin_verify",
    SecondFactorState.ENROL: "signin_enrol",
}


def in_admin(request: HttpRequest) -> bool:
    return request.path_info.startswith(reverse("wagtailadmin_home"))


class _ViewMiddleware:
    def __init__(self, get_response: Any) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)  # type: ignore[no-any-return]


class SessionLimitsMiddleware(_ViewMiddleware):
    def process_view(self, request: HttpRequest, view: Any, *args: Any) -> HttpResponse | None:
        if not request.user.is_authenticated:
            return None
        now = time.time()
        why = session_over(request.session, now)
        if not why:
            if not is_background(request):
                seen(request.session, now)
            return None
        logout(request)
        messages.info(request, why)
        if in_admin(request):
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        return None


class SecondFactorMiddleware(_ViewMiddleware):
    def process_view(self, request: HttpRequest, view: Any, *args: Any) -> HttpResponse | None:
        user = request.user
        if not user.is_authenticated:
            return None
        state = second_factor_state(user)
        if state in (SecondFactorState.DONE, SecondFactorState.NOT_NEEDED):
            return None
        if not in_admin(request):
            # The public site: pages for signed-in staff (previews, the
            # userbar, private pages) stay closed until the code is given.
            request.user = AnonymousUser()
            return None
        match = request.resolver_match
        if match is not None and match.url_name in BEFORE_SECOND_FACTOR:
            return None
        target = reverse(SECOND_FACTOR_SCREENS[state])
        if request.method == "GET":
            target += "?" + urlencode({"next": request.get_full_path()})
        return redirect(target)
