"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CSRF_COOKIE_SECURE,
    REDIS_URL,
    SECRET_KEY,
    SESSION_COOKIE_SECURE,
    env_bool,
    require,
)

DEBUG = env_bool("DEBUG", False)
require("SECRET_KEY", SECRET_KEY)
require("ALLOWED_HOSTS", ALLOWED_HOSTS)
if len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

SILENCED_SYSTEM_CHECKS = [
    # HSTS preloading is a hard-to-undo commitment for the whole domain; turn it
    # on with SECURE_HSTS_PRELOAD=true once the domain is ready.
    "security.W021",
]
if env_bool("SECURE_HSTS_PRELOAD", False):
    SILENCED_SYSTEM_CHECKS.remove("security.W021")

# Small installs without object storage: let the app serve uploaded images.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# ---------------------------------------------------------------------------
# Cookie names with the __Host- prefix: the browser keeps them only if they
# came over HTTPS, for the whole site (Path=/) and this host alone (no
# Domain), so a sibling subdomain cannot set or overwrite them. Browsers
# refuse such cookies without Secure, so the prefix follows SECURE_COOKIES.
# ---------------------------------------------------------------------------
if SESSION_COOKIE_SECURE:
    SESSION_COOKIE_NAME = "__Host-sessionid"
if CSRF_COOKIE_SECURE:
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# ---------------------------------------------------------------------------
# Shared state (see docs/security.md, "Staff sign-in"): rate limits and the
# cache live in Redis. Without REDIS_URL they would be per process, and with
# several gunicorn workers each would count on its own, so production refuses
# to start unless it is told it runs as one process (gunicorn.conf.py then
# refuses more than one worker).
# ---------------------------------------------------------------------------
SINGLE_PROCESS = env_bool("SINGLE_PROCESS", False)
if not REDIS_URL and not SINGLE_PROCESS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "Set REDIS_URL, so rate limits and lockouts are shared by every process; "
        "or, for a one-process install, set SINGLE_PROCESS=true."
    )
