"""Development: debug on, plain HTTP, emails to the console, tasks run at once."""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_int, env_list

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
# Template changes show at once; PAGE_CACHE_SECONDS=600 tries the page cache.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
TEXT_MESSAGE_BACKEND = os.environ.get(
    "TEXT_MESSAGE_BACKEND", "privacy.texts.backends.console.ConsoleTextBackend"
)
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
