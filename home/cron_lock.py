"""Scheduled commands run once, however many hosts run cron.

Every app server may carry the same crontab (docs/operations.md). Each
scheduled command takes a lock named after itself before it starts; a second
run that finds the lock taken says so and does nothing. The lock is held for
the whole run and released when it ends, or when its process dies, so a
crashed run never blocks the next one.

- PostgreSQL: a session advisory lock (``pg_try_advisory_lock``), shared by
  every host using the database.
- SQLite (one machine by nature): an exclusive ``flock`` on a file beside the
  database and named after it (two databases in one folder, such as parallel
  test workers', never share a lock), released by the operating system when
  the process ends. An in-memory database belongs to one process, so its lock
  is that process's own.
"""

import contextlib
import fcntl
import hashlib
import os
import tempfile
from pathlib import Path

from django.core.management.base import BaseCommand, OutputWrapper
from django.db import connection


def lock_key(name):
    """A stable signed 64-bit key for the name (advisory locks take a bigint)."""
    digest = hashlib.sha256(f"copro-cron:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _lock_file_path(name):
    database = str(connection.settings_dict.get("NAME") or "")
    key = f"{lock_key(name) & 0xFFFFFFFFFFFF:012x}"
    if not database or database == ":memory:" or database.startswith("file:"):
        return Path(tempfile.gettempdir()) / f".copro-cron-{key}-{os.getpid()}.lock"
    path = Path(database).resolve()
    return path.parent / f".{path.name}.cron-{key}.lock"


@contextlib.contextmanager
def _postgresql_lock(name):
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextlib.contextmanager
def _file_lock(name):
    with open(_lock_file_path(name), "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def run_once(name):
    """A context manager giving True when this run holds the lock named ``name``,
    False when another run (on any host) holds it."""
    if connection.vendor == "postgresql":
        return _postgresql_lock(name)
    return _file_lock(name)


class RunOnceCommand(BaseCommand):
    """A management command that does nothing while another run of it is under way.

    The lock is named after the command (its module's last part), so the same
    command run from two crontabs shares one lock.
    """

    def lock_name(self):
        return self.__module__.rsplit(".", 1)[-1]

    def execute(self, *args, **options):
        name = self.lock_name()
        with run_once(name) as acquired:
            if not acquired:
                stdout = OutputWrapper(options["stdout"]) if options.get("stdout") else self.stdout
                stdout.write(
                    f"{name}: another run is under way (here or on another host); skipped."
                )
                return ""
            return super().execute(*args, **options)
