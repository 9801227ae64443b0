"""Lockout with django-axes: the client's address by the project's own rule,
the page a locked-out person sees, and clearing failures.

Axes counts failed ``authenticate()`` calls for each username and address
pair (``AXES_LOCKOUT_PARAMETERS``); a wrong second-factor code is counted
the same way, by sending Django's ``user_login_failed`` signal
(``signin.two_factor.views``).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from home.client_ip import client_ip


def client_address(request: HttpRequest) -> str | None:
    """``home.client_ip`` (``TRUSTED_PROXY_COUNT`` hops from the right of
    X-Forwarded-For), or the socket's address if that is not an IP address:
    axes stores it in an address column, and a forged header must never
    break a sign-in."""
    for candidate in (client_ip(request), request.META.get("REMOTE_ADDR", "")):  # type: ignore[no-untyped-call]
        try:
            return str(ipaddress.ip_address(candidate.strip()))
        except ValueError:
            continue
    return None


def cool_off() -> timedelta:
    return timedelta(minutes=settings.SIGNIN_LOCKOUT_MINUTES)


def failure_limit() -> int:
    return int(settings.AXES_FAILURE_LIMIT)


def locked_until(username: str | None, address: str | None) -> datetime | None:
    last = AccessAttempt.objects.filter(username=username, ip_address=address).aggregate(
        last=Max("attempt_time")
    )["last"]
    return last + cool_off() if last else None


def is_locked(request: HttpRequest, username: str) -> bool:
    return bool(AxesProxyHandler.is_locked(request, {"username": username}))


def locked_out_response(
    request: HttpRequest, original_response: HttpResponse | None = None, credentials: Any = None
) -> HttpResponse:
    """The page a locked-out person sees (axes' ``AXES_LOCKOUT_CALLABLE``)."""
    username = (credentials or {}).get("username") or request.POST.get("username")
    until = locked_until(username, client_address(request))
    # Rendered now: axes calls this from a middleware, after responses are rendered.
    response = render(
        request,
        "components/signin/locked.html",
        {"until": until, "minutes": settings.SIGNIN_LOCKOUT_MINUTES},
        status=429,
    )
    response["Cache-Control"] = "no-store"
    return response


def clear_failures(request: HttpRequest, username: str) -> None:
    """A completed sign-in clears the failures of its own username and address."""
    AxesProxyHandler.reset_attempts(username=username, ip_address=client_address(request))


def unlock(username: str | None = None, address: str | None = None) -> int:
    """Clear failures for a username, an address, or the pair; how many records went."""
    return int(AxesProxyHandler.reset_attempts(username=username, ip_address=address))


@dataclass(frozen=True)
class Lockout:
    """Recent failures for one username from one address."""

    username: str
    ip_address: str
    failures: int
    last_failure: datetime

    @property
    def locked(self) -> bool:
        return self.failures >= failure_limit()

    @property
    def until(self) -> datetime:
        return self.last_failure + cool_off()


def recent_failures(now: datetime | None = None) -> list[Lockout]:
    """Username and address pairs with failures still counting, locked first."""
    since = (now or timezone.now()) - cool_off()
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=since)
        .values("username", "ip_address")
        .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    )
    found = [
        Lockout(row["username"] or "", row["ip_address"] or "", row["failures"], row["last"])
        for row in rows
    ]
    return sorted(
        found, key=lambda lockout: (not lockout.locked, -lockout.last_failure.timestamp())
    )
