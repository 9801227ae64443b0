"""Tests: fast and isolated. MD5 hashing, local memory, plain static files,
tasks run immediately, email kept in memory."""

from .dev import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so query budgets measure the rendering path; tests/home/test_page_cache.py
# and the other page-cache tests turn it on.
PAGE_CACHE_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TEXT_MESSAGE_BACKEND = "privacy.texts.backends.locmem.MemoryTextBackend"
# Texts may go at any hour, so no test's outcome depends on the time it runs
# (CI once ran at 2am and every text was held until 8). The window's own tests
# set the site's hours (tests/privacy/texts/test_window.py) or shut it
# (test_sending.py).
TEXT_WINDOW_OPENS, TEXT_WINDOW_CLOSES = 0, 24
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# A subprocess a test starts (the restore drill) may be given its own folder.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / ".test-media"))  # noqa: F405
# Uploaded images through the same image-only route as production's default.
SERVE_MEDIA = True
# The test client's host: the default Site is set to it when the test database
# is migrated (home/site_address.py).
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False}

# On SQLite, a file rather than Django's shared in-memory test database: the
# live server's threads then get their own connections and wait their turn
# (the busy timeout) instead of failing with "database table is locked"
# while a browser test's requests overlap. One file per process (xdist
# workers too), so parallel runs never share one.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import os
    import tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"copro-test-{os.getpid()}.sqlite3")
    }

# On PostgreSQL, persistent connections rather than the pool: the saved
# database states (tests/database_states.py) end every other connection to copy
# a database, and threads in tests close their own. The pool is exercised by
# production processes in tests/deploy/test_two_servers.py.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    from .database import database_from_environment

    DATABASES = {"default": database_from_environment(pooled=False)}

# On PostgreSQL, commits need not wait for the disk: a test database is thrown
# away, and live-server and transactional tests commit often.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405

# Saving a page does not write the search index: it took a third of the time of
# the tests that build pages (an opportunity published in a test was indexed
# four times), though little of the whole suite's. The
# tests that search ask for the ``search_index`` fixture (tests/conftest.py),
# and the demo site is indexed as it is loaded.
WAGTAILSEARCH_BACKENDS = {  # noqa: F405
    name: {**backend, "AUTO_UPDATE": False}
    for name, backend in WAGTAILSEARCH_BACKENDS.items()  # noqa: F405
}
