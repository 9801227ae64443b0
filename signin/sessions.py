"""Short sessions: signed out after ``SIGNIN_IDLE_MINUTES`` without a request
of one's own, and ``SIGNIN_ABSOLUTE_HOURS`` after signing in, whatever happens.

The session keeps when the person signed in and when they were last seen.
Wagtail's editing-session pings (every 10 seconds while an editor is open)
are the browser's, not the person's, so they never count as activity: an
editor left open on an unattended screen still ends. Wagtail's autosave
does count: it only runs when the person changes something.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

SIGNED_IN_AT = "signin_signed_in_at"
LAST_SEEN_AT = "signin_last_seen_at"
# Writing the session on every request would cost a database write each
# time; a minute's precision is plenty for a 30-minute limit.
LAST_SEEN_PRECISION_SECONDS = 60
BACKGROUND_NAMESPACES = {"wagtailadmin_editing_sessions"}


@receiver(user_logged_in, dispatch_uid="signin.sessions.start_clock")
def start_clock(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is not None and hasattr(request, "session"):
        now = time.time()
        request.session[SIGNED_IN_AT] = now
        request.session[LAST_SEEN_AT] = now


def idle_limit_seconds() -> int:
    return int(settings.SIGNIN_IDLE_MINUTES) * 60


def absolute_limit_seconds() -> int:
    return int(settings.SIGNIN_ABSOLUTE_HOURS) * 60 * 60


def session_over(session: Any, now: float) -> str:
    """Why this signed-in session must end now, or "" if it may go on."""
    signed_in_at = session.get(SIGNED_IN_AT)
    if signed_in_at is None:
        # Signed in before these limits existed: the clock starts now.
        session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = now
        return ""
    if now - signed_in_at > absolute_limit_seconds():
        return (
            f"You were signed out because you signed in more than "
            f"{settings.SIGNIN_ABSOLUTE_HOURS} hours ago. Sign in again to carry on."
        )
    if now - session.get(LAST_SEEN_AT, signed_in_at) > idle_limit_seconds():
        return (
            f"You were signed out after {settings.SIGNIN_IDLE_MINUTES} minutes without "
            "activity. Sign in again to carry on."
        )
    return ""


def is_background(request: HttpRequest) -> bool:
    match = request.resolver_match
    return match is not None and match.namespace in BACKGROUND_NAMESPACES


def seen(session: Any, now: float) -> None:
    if now - session.get(LAST_SEEN_AT, 0) >= LAST_SEEN_PRECISION_SECONDS:
        session[LAST_SEEN_AT] = now
