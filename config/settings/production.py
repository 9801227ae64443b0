"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    CSRF_COOKIE_SECURE,
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
