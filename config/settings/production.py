"""Production: refuses to start without SECRET_KEY and ALLOWED_HOSTS."""

from .base import *  # noqa: F403
from .base import ALLOWED_HOSTS, SECRET_KEY, env_bool, require

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
