"""The restore drill, on PostgreSQL (docs/scaling.md, "Backups"): back up,
erase someone, restore into a fresh database, re-apply the erasure ledger.
Then migrations have nothing to do, every table holds as many rows as the live
one, a private link made before the backup still opens, and the person erased
after it stays erased. pg_dump and pg_restore are Debian's postgresql-client."""

import json
import os
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from io import StringIO
from pathlib import Path

import psycopg
import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from opportunities.models import ExpressionOfInterest
from privacy import subject_requests
from tests.conftest import default_home_page
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="backups dump PostgreSQL"),
]


def row_counts(dsn):
    with psycopg.connect(dsn, autocommit=True) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def dsn_for(database, name):
    parts = [f"dbname={name}"]
    for key, word in (
        ("HOST", "host"),
        ("PORT", "port"),
        ("USER", "user"),
        ("PASSWORD", "password"),
    ):
        if database.get(key):
            parts.append(f"{word}={database[key]}")
    return " ".join(parts)


@pytest.fixture
def fresh_database():
    settings = connection.settings_dict
    name = f"copro_restore_drill_{uuid.uuid4().hex[:8]}"
    admin = dsn_for(settings, "postgres")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def manage(database_name, *args):
    """manage.py against the restored database, as an operator runs it."""
    settings = connection.settings_dict
    url = (
        f"postgres://{settings['USER']}:{settings.get('PASSWORD') or ''}@"
        f"{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{database_name}"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_backup_restores_and_erasures_made_since_survive_it(
    tmp_path, monkeypatch, fresh_database, settings
):
    monkeypatch.setenv("BACKUP_KEY", Fernet.generate_key().decode())
    # A media storage of this test's own, which the restored site shares (and
    # so the erasure ledger), with no other test's ledger in it.
    settings.MEDIA_ROOT = tmp_path / "media"
    monkeypatch.setenv("MEDIA_ROOT", str(settings.MEDIA_ROOT))
    opportunity = make_opportunity(make_board(default_home_page()))
    kept, kept_token = make_interest(opportunity, name="Kim Kept")
    erased, _ = make_interest(opportunity, name="Erin Erased", contact_email="erin@example.org")

    backups = tmp_path / "backups"
    # A backup past the keeping period (35 days), and an erasure made before
    # it, which no kept backup will hold once it goes.
    expired = backups / f"copro-{datetime.now(UTC) - timedelta(days=40):%Y%m%dT%H%M%SZ}"
    expired.mkdir(parents=True)
    make_interest(opportunity, contact_email="gone@example.org")
    subject_requests.erase(subject_requests.find(email="gone@example.org"))
    ledger = Path(settings.MEDIA_ROOT, "erasure-ledger")
    [entry] = ledger.iterdir()
    old = {
        **json.loads(entry.read_text()),
        "erased_at": f"{datetime.now(UTC) - timedelta(days=40):%Y-%m-%dT%H:%M:%S+00:00}",
    }
    entry.write_text(json.dumps(old))

    output = StringIO()
    call_command("backup_site", "--to", str(backups), stdout=output)
    [backup] = list(backups.glob("copro-*"))
    assert backup != expired
    assert f"Expired and deleted: {expired.name}" in output.getvalue()
    assert "Erasure ledger: 1 entry older than every kept backup deleted." in output.getvalue()
    assert not any(ledger.iterdir())
    # Encrypted: nothing personal readable in the files. Looked for with a space
    # and an "@", which the encrypted text (base64) never holds: "Erin" alone
    # turns up by chance in a dump's few megabytes of it (CI, 4 December).
    for sealed in backup.iterdir():
        assert b"Erin Erased" not in sealed.read_bytes()
        assert b"erin@example.org" not in sealed.read_bytes()

    # Erased after the backup was taken: the ledger notes it.
    subject_requests.erase(subject_requests.find(email="erin@example.org"))
    assert not ExpressionOfInterest.objects.filter(pk=erased.pk).exists()

    restored = manage(fresh_database, "restore_backup", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert manage(fresh_database, "migrate", "--check").returncode == 0
    reapplied = manage(fresh_database, "reapply_erasures")
    assert reapplied.returncode == 0, reapplied.stderr
    assert "Erased again: 1 record(s)." in reapplied.stdout

    settings_dict = connection.settings_dict
    live = row_counts(dsn_for(settings_dict, settings_dict["NAME"]))
    copy = row_counts(dsn_for(settings_dict, fresh_database))
    assert copy == live

    # One shell for both checks (each manage.py start costs seconds).
    checked = manage(
        fresh_database,
        "shell",
        "--no-imports",
        "-c",
        "from django.test import Client; "
        "from opportunities.models import ExpressionOfInterest as E; "
        f"r = Client().get('{opportunity.url}interest/status/{kept_token}/'); "
        "print(r.status_code, 'no-store' in r.headers['Cache-Control'], "
        f"E.objects.filter(pk={erased.pk}).exists(), E.objects.filter(pk={kept.pk}).exists())",
    )
    # The person's status page opens, served privately as always; the erased
    # person is not there, the other one is.
    assert checked.stdout.split() == ["200", "True", "False", "True"], checked.stderr
