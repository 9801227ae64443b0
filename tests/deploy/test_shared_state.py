"""Production never counts rate limits and lockouts per process by accident:
without REDIS_URL it refuses to start unless SINGLE_PROCESS=true says it is
one process, and gunicorn then refuses more than one worker."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.deploy


def production(tmp_path, **env):
    """Production settings' environment; a variable given as None is left out
    (gunicorn itself reads WEB_CONCURRENCY and refuses an empty one)."""
    merged = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "z" * 60,
        "ALLOWED_HOSTS": "copro.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "REDIS_URL": "",
        "SINGLE_PROCESS": "",
        "WEB_CONCURRENCY": None,
        **env,
    }
    return {name: value for name, value in merged.items() if value is not None}


def manage_check(env):
    return subprocess.run(
        [str(BIN / "python"), "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def gunicorn_check(env):
    return subprocess.run(
        [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py", "--check-config"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_redis(tmp_path):
    result = manage_check(production(tmp_path))
    assert result.returncode != 0
    assert "Set REDIS_URL" in result.stderr
    assert "SINGLE_PROCESS=true" in result.stderr


@pytest.mark.parametrize(
    "env", [{"SINGLE_PROCESS": "true"}, {"REDIS_URL": "redis://127.0.0.1:6379/3"}]
)
def test_production_starts_with_redis_or_as_one_process(tmp_path, env):
    result = manage_check(production(tmp_path, **env))
    assert result.returncode == 0, result.stderr


def test_gunicorn_refuses_without_redis_or_the_one_process_switch(tmp_path):
    result = gunicorn_check(production(tmp_path))
    assert result.returncode != 0
    assert "set REDIS_URL" in result.stderr


def test_gunicorn_runs_one_worker_as_one_process(tmp_path):
    env = production(tmp_path, SINGLE_PROCESS="true", WEB_CONCURRENCY="4")
    refused = gunicorn_check(env)
    assert refused.returncode != 0
    assert "runs one worker, not WEB_CONCURRENCY=4" in refused.stderr
    assert gunicorn_check(production(tmp_path, SINGLE_PROCESS="true")).returncode == 0


def test_gunicorn_runs_many_workers_with_redis(tmp_path):
    env = production(tmp_path, REDIS_URL="redis://127.0.0.1:6379/3", WEB_CONCURRENCY="4")
    result = gunicorn_check(env)
    assert result.returncode == 0, result.stderr
