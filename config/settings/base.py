"""Settings shared by every environment: secure by default.

Everything that differs between machines comes from environment variables
(see README "Configuration"). ``dev.py`` relaxes, ``production.py`` insists.
"""

import os
from pathlib import Path

from .environment import env_bool, env_int, env_list, require  # noqa: F401 (used by dev and production)
from .staff_sign_in import *  # noqa: F403  (staff sign-in: its own module, below 300 lines)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "privacy",
    "partners",
    "ladder",
    "opportunities",
    "payments",
    "signin",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "home.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Whole public pages for visitors who are not signed in (home/page_cache/):
    # above sessions, CSRF and messages, so a cached page touches no cookie; and
    # above the policy headers, which are kept with the page (the public policy
    # is nonce-free), so a cached page costs no work at all.
    "home.page_cache.middleware.PageCacheMiddleware",
    "home.security.headers.SecurityHeadersMiddleware",
    "home.security.content_policy.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff sign-in (signin app): which device verified this session, the
    # idle and absolute session limits, then the second factor itself.
    "django_otp.middleware.OTPMiddleware",
    "signin.middleware.SessionLimitsMiddleware",
    "signin.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lockout into the plain "locked" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
    {
        # Plain-text emails (home.emails.render_email): nothing is HTML-escaped,
        # so a name like "O'Neil & Co" arrives as typed.
        "NAME": "emails",
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates" / "emails"],
        "APP_DIRS": False,
        "OPTIONS": {"autoescape": False},
    },
]


# Database: DATABASE_URL, or a SQLite file beside the code; PostgreSQL through
# psycopg's pool (config/settings/database.py).
from .database import database_from_environment  # noqa: E402

DATABASES = {"default": database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared between processes and machines),
# local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "copro",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache for visitors who are not signed in (home/page_cache/): how long
# a page may be kept at most, in seconds; 0 turns it off. Publishing anything
# empties it at once, and no page is kept past the next closing time.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
# Cookies that make a page personal, besides the session and messages: a
# visitor carrying one always gets a fresh page ("Which benefits do you get?",
# opportunities/board/benefits.py). A CDN must skip its cache for them too.
PAGE_CACHE_PERSONAL_COOKIES = ["benefits"]

# /readyz (home/health.py) remembers the media storage's answer this many
# seconds in each process, so polling load balancers cost a bucket little.
READINESS_STORAGE_CHECK_SECONDS = env_int("READINESS_STORAGE_CHECK_SECONDS", 30)

# Background work: django-tasks. The database backend needs `manage.py
# db_worker` running beside the web process; development and tests run tasks
# immediately. TASKS_BACKEND picks one explicitly.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")
TASKS = {"default": {"BACKEND": TASKS_BACKEND, "QUEUES": ["default"]}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads in a bucket when AWS_STORAGE_BUCKET_NAME is set (config/settings/storage.py).
from .storage import media_url_for, object_storage  # noqa: E402

if (MEDIA_STORAGE := object_storage()) is not None:
    STORAGES["default"] = MEDIA_STORAGE
    MEDIA_URL = os.environ.get("MEDIA_URL") or media_url_for(MEDIA_STORAGE, MEDIA_URL)

# Email: SMTP by default; EMAIL_BACKEND may name another backend.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
# With EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: the folder.
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Co-pro Network <hello@example.org>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Text messages (privacy/texts/): config/settings/text_messages.py.
from .text_messages import *  # noqa: E402, F403

# How many reverse proxies stand in front of the app; the client's address is
# read from X-Forwarded-For that many hops from the right (see home/client_ip.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

# Security: on unless a setting file turns it off.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Frames only where Wagtail's previews ask for them (its own SAMEORIGIN
# override); the Content Security Policy's frame-ancestors follows the same rule.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "home.views.csrf_failure"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
if env_bool("BEHIND_TLS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Request logs would carry form posts' paths and query strings; the
        # access log (gunicorn) is enough.
        "django.request": {"level": "ERROR"},
        # The result PDF (ladder/result_pdf.py) reuses site.css, whose screen-only
        # rules WeasyPrint names one by one as it skips them.
        "weasyprint": {"level": "ERROR"},
    },
}

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Co-pro Network")
# The site's public address, in one place (home/site_address.py): the default
# Wagtail Site takes its host name, port and scheme from it at every migrate
# (and `manage.py set_site_address`), so the sitemap, feeds, structured data
# and every link in an email say it. WAGTAILADMIN_BASE_URL, the older name,
# is read when SITE_URL is not set, and always follows it.
SITE_URL = (
    os.environ.get("SITE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Search: on PostgreSQL its own full-text backend, with English stemming
# ("housing" finds "houses") and typo tolerance (modelsearch's Fuzzy queries
# through pg_trgm, which home's migration 0011 creates); on SQLite the
# database backend (FTS5). Changing SEARCH_CONFIG needs `manage.py update_index`.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.database.postgres.postgres",
            "SEARCH_CONFIG": "english",
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# Autosave is off (it is global: 0 turns it off for pages and snippets). With it on, saving
# a new opportunity as a draft seconds after an autosave had created it failed with "The slug
# ... is already in use", and ticks made after the autosave (access support) were missing when
# the draft was reopened. Editors save with "Save draft"; Wagtail still warns before leaving
# a page with unsaved changes. docs/editors.md says so ("Saving your work").
WAGTAIL_AUTOSAVE_INTERVAL = 0


# ---------------------------------------------------------------------------
# Uploads, the Content Security Policies, other headers and cookies: in
# config/settings/security.py (see docs/security.md).
# ---------------------------------------------------------------------------
from .cdn import *  # noqa: E402, F403  (the CDN to purge: config/settings/cdn.py)
from .security import *  # noqa: E402, F403
from .security import content_security_policies  # noqa: E402

CONTENT_SECURITY_POLICY_PUBLIC, CONTENT_SECURITY_POLICY_ADMIN = content_security_policies(
    STATIC_URL, MEDIA_URL
)
