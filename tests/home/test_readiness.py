"""/readyz: the load balancer's readiness check (home/health.py). It answers
200 only when the database, the cache and the media storage all do, says which
part failed, and remembers the storage's answer briefly."""

import pytest


@pytest.fixture
def fresh_storage_check(settings):
    """Each request checks the storage again (the test settings' choice here)."""
    settings.READINESS_STORAGE_CHECK_SECONDS = 0


@pytest.mark.django_db
def test_ready_when_database_cache_and_storage_answer(
    client, fresh_storage_check, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    response = client.get("/readyz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.content == b"database ok\ncache ok\nstorage ok\n"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_not_ready_while_the_cache_is_down(client, fresh_storage_check, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    # A Redis cache on a loopback port where nothing listens.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"database ok\ncache unavailable\nstorage ok\n"
    # Liveness is not readiness: the process itself is fine.
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_not_ready_while_the_storage_is_missing(client, fresh_storage_check, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "not-mounted"
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"database ok\ncache ok\nstorage unavailable\n"


@pytest.mark.django_db
def test_the_storage_answer_is_kept_briefly(client, settings, tmp_path):
    settings.READINESS_STORAGE_CHECK_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    assert client.get("/readyz").status_code == 200
    # Within the period the bucket is not asked again, so a storage that just
    # went away is noticed at the next check, not at every poll.
    settings.READINESS_STORAGE_CHECK_SECONDS = 3600
    settings.MEDIA_ROOT = tmp_path / "gone"
    assert client.get("/readyz").status_code == 200
    settings.READINESS_STORAGE_CHECK_SECONDS = 0
    assert client.get("/readyz").status_code == 503
