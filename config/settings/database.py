"""The database, from DATABASE_URL (docs/scaling.md, "Database connections")."""

import os
from pathlib import Path

import dj_database_url

from .environment import env_bool, env_int

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def database_from_environment(pooled=None):
    """DATABASES["default"]; ``pooled`` overrides DB_POOL (the test settings
    turn the pool off)."""
    if pooled is None:
        pooled = env_bool("DB_POOL", True)
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    database = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite serves a small site safely with a write-ahead log (readers never
        # block the writer), a busy timeout instead of "database is locked", and
        # IMMEDIATE transactions so two writers queue rather than deadlock.
        database["CONN_MAX_AGE"] = 0
        database["OPTIONS"] = {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
            ),
        }
    elif pooled:
        # PostgreSQL through psycopg's pool, one per process (docs/scaling.md,
        # "Database connections"): at most DB_POOL_MAX_SIZE connections however
        # many threads, each checked before it is handed out (a restarted or
        # failed-over server costs no request), idle ones closed. Django lends a
        # connection per request and takes it back, so CONN_MAX_AGE must be 0.
        database["CONN_MAX_AGE"] = 0
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": env_int("DB_POOL_MIN_SIZE", 1),
            # A gunicorn worker serves GUNICORN_THREADS requests at once.
            "max_size": env_int("DB_POOL_MAX_SIZE", env_int("GUNICORN_THREADS", 2)),
            "timeout": env_int("DB_POOL_TIMEOUT", 10),
            "max_idle": 300,
        }
        # Django then passes psycopg_pool's check_connection to the pool.
        database["CONN_HEALTH_CHECKS"] = True
    else:
        # DB_POOL=false: persistent connections, one per thread, checked before reuse.
        database["CONN_HEALTH_CHECKS"] = True
    return database
