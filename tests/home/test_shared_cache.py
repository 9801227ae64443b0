"""REDIS_URL switches the cache to Redis, shared between processes."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_shell(code, **env):
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_two_processes_share_the_redis_cache():
    key = f"copro-test-{uuid.uuid4().hex}"
    redis = {"REDIS_URL": "redis://127.0.0.1:6379/15"}
    write = run_shell(
        f"from django.core.cache import cache; cache.set('{key}', 'shared', 30)", **redis
    )
    assert write.returncode == 0, write.stderr
    read = run_shell(f"from django.core.cache import cache; print(cache.get('{key}'))", **redis)
    assert read.returncode == 0, read.stderr
    assert read.stdout.strip().endswith("shared")


def test_without_redis_url_the_cache_is_local_memory():
    result = run_shell(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        REDIS_URL="",
    )
    assert result.stdout.strip().endswith("LocMemCache")
