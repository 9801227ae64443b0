"""Database connections from the environment (config/settings/database.py):
PostgreSQL through psycopg's pool by default, sized per process; persistent
connections with DB_POOL=false; SQLite as before."""

from config.settings.database import database_from_environment

POSTGRES = "postgres://copro:secret@db.internal:5432/copro"


def test_postgresql_uses_one_pool_per_process_sized_by_the_environment(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", POSTGRES)
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    monkeypatch.delenv("DB_POOL", raising=False)
    database = database_from_environment()
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["pool"] == {
        "min_size": 1,
        "max_size": 4,
        "timeout": 10,
        "max_idle": 300,
    }

    monkeypatch.setenv("DB_POOL_MAX_SIZE", "6")
    assert database_from_environment()["OPTIONS"]["pool"]["max_size"] == 6


def test_persistent_connections_instead_when_asked(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", POSTGRES)
    monkeypatch.setenv("DB_POOL", "false")
    database = database_from_environment()
    assert "pool" not in database.get("OPTIONS", {})
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_never_pools(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    database = database_from_environment()
    assert "pool" not in database["OPTIONS"]
    assert database["CONN_MAX_AGE"] == 0
