"""The health checks load balancers and the Docker HEALTHCHECK call.

- ``/healthz`` (liveness): the process answers and its database does. A
  container that fails it is restarted.
- ``/readyz`` (readiness): the database, the cache and the media storage all
  answer. A load balancer sends no traffic to an app server that fails it,
  and sends it again once it passes; nothing is restarted. The storage check
  (a remote bucket is the slowest of the three) is remembered for
  ``READINESS_STORAGE_CHECK_SECONDS`` (30 by default) in each process.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

HEALTH_CHECK_PATH = "/healthz"
READINESS_PATH = "/readyz"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def cache_answers():
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # noqa: BLE001 - any backend's failure (Redis down, refused) means not ready
        return False
    return answered


class StorageCheck:
    """The media storage lists its top folder; the answer is kept briefly, so a
    load balancer polling every few seconds costs the bucket one request a
    period per process."""

    def __init__(self):
        self.answered = None
        self.checked_at = float("-inf")

    def __call__(self):
        seconds = getattr(settings, "READINESS_STORAGE_CHECK_SECONDS", 30)
        if self.answered is not None and time.monotonic() - self.checked_at < seconds:
            return self.answered
        try:
            default_storage.listdir("")
        except Exception:  # noqa: BLE001 - a missing folder, refused keys, an unreachable bucket
            self.answered = False
        else:
            self.answered = True
        self.checked_at = time.monotonic()
        return self.answered


storage_answers = StorageCheck()


def plain_text(body, status=200):
    response = HttpResponse(body, status=status, content_type="text/plain")
    add_never_cache_headers(response)
    return response


def health_response():
    """200 when the database answers, 503 when it does not."""
    if database_answers():
        return plain_text("ok\n")
    return plain_text("database unavailable\n", status=503)


def readiness_response():
    """200 when the database, cache and storage all answer; 503 naming the part
    that does not (names only: no address, key or error text)."""
    checks = {
        "database": database_answers(),
        "cache": cache_answers(),
        "storage": storage_answers(),
    }
    body = "".join(f"{name} {'ok' if ok else 'unavailable'}\n" for name, ok in checks.items())
    return plain_text(body, status=200 if all(checks.values()) else 503)


class HealthCheckMiddleware:
    """Answers /healthz and /readyz before host validation and the HTTPS redirect.

    Load balancers and container health checks call the app by its internal
    address (127.0.0.1, a pod IP) over plain HTTP, which ALLOWED_HOSTS and
    SECURE_SSL_REDIRECT would otherwise refuse. They reveal nothing but which
    part answers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_CHECK_PATH:
            return health_response()
        if request.path == READINESS_PATH:
            return readiness_response()
        return self.get_response(request)
