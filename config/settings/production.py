"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, REDIS_URL, SECRET_KEY, env_bool, require

DEBUG = env_bool("DEBUG", False)
require("SECRET_KEY", SECRET_KEY)
require("ALLOWED_HOSTS", ALLOWED_HOSTS)
if len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY must be at least 50 random characters.")

SILENCED_SYSTEM_CHECKS = [
    # Wagtail's page previews and the userbar load our own pages in frames, so
    # frames must be allowed from the same origin (SAMEORIGIN, not DENY).
    "security.W019",
    # HSTS preloading is a hard-to-undo commitment for the whole domain; turn it
    # on with SECURE_HSTS_PRELOAD=true once the domain is ready.
    "security.W021",
]
if env_bool("SECURE_HSTS_PRELOAD", False):
    SILENCED_SYSTEM_CHECKS.remove("security.W021")

# Small installs without object storage: let the app serve uploaded images.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

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
