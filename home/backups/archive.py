"""Encrypted backups that restore (docs/scaling.md, "Backups").

A backup is a folder ``copro-<UTC time>/`` holding ``database.dump.enc``
(pg_dump's custom format) and ``media.tar.enc`` (every file in the media
storage, from disk or the bucket), each encrypted with ``BACKUP_KEY`` (a
Fernet key: AES-128 in CBC mode with an HMAC, from the ``cryptography``
package) in chunks, so a large dump never has to fit in memory. Backups older
than ``BACKUP_KEEP_DAYS`` (35) are deleted by the next backup, so data erased
on the live site is gone from every backup within that time. After each
backup, the ``AFTER_BACKUP`` hooks hear the time before which nothing needs
keeping for a restore (the erasure ledger forgets erasures older than every
kept backup).
"""

import io
import os
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from wagtail import hooks

CHUNK = 8 * 1024 * 1024
PREFIX = "copro-"
STAMP = "%Y%m%dT%H%M%SZ"

# Hook: called with ``kept_since`` (an aware datetime) after each backup; every
# backup kept was taken after it. Returns a line for the command to print, or None.
AFTER_BACKUP = "after_backup"


def keep_days():
    return int(os.environ.get("BACKUP_KEEP_DAYS", "35"))


def fernet():
    key = os.environ.get("BACKUP_KEY", "")
    if not key:
        raise ImproperlyConfigured(
            "Set BACKUP_KEY (make one with: python -c 'from cryptography.fernet import "
            "Fernet; print(Fernet.generate_key().decode())') and keep it apart from the backups."
        )
    return Fernet(key.encode())


def encrypt_file(source, target):
    """One Fernet token per chunk, one token per line."""
    cipher = fernet()
    with open(source, "rb") as plain, open(target, "wb") as sealed:
        while chunk := plain.read(CHUNK):
            sealed.write(cipher.encrypt(chunk) + b"\n")


def decrypt_file(source, target):
    cipher = fernet()
    with open(source, "rb") as sealed, open(target, "wb") as plain:
        for line in sealed:
            plain.write(cipher.decrypt(line.strip()))


def postgresql_tool(name):
    """pg_dump or pg_restore: Debian's postgresql-client (the Dockerfile installs it)."""
    path = shutil.which(name)
    if path is None:
        raise ImproperlyConfigured(f"{name} is not installed: apt-get install postgresql-client")
    return path


def libpq_environment(database):
    """pg_dump and pg_restore read the connection from these, never argv
    (where a password would show in the process list)."""
    env = {**os.environ}
    for variable, key in {
        "PGHOST": "HOST",
        "PGPORT": "PORT",
        "PGUSER": "USER",
        "PGPASSWORD": "PASSWORD",
        "PGDATABASE": "NAME",
    }.items():
        if database.get(key):
            env[variable] = str(database[key])
    return env


def media_files(folder=""):
    """Every file's name in the media storage, on disk or in a bucket."""
    folders, files = default_storage.listdir(folder)
    for name in files:
        yield f"{folder}{name}"
    for sub in folders:
        yield from media_files(f"{folder}{sub}/")


def backups_in(target):
    """Each backup folder in ``target`` with the time it was taken."""
    for folder in sorted(Path(target).glob(f"{PREFIX}*")):
        try:
            yield folder, datetime.strptime(folder.name[len(PREFIX) :], STAMP).replace(tzinfo=UTC)
        except ValueError:
            continue


def expire_old_backups(target, now):
    removed = []
    for folder, taken in backups_in(target):
        if now - taken > timedelta(days=keep_days()):
            shutil.rmtree(folder)
            removed.append(folder.name)
    return removed


def after_backup(target, now):
    """Tell the ``AFTER_BACKUP`` hooks what no kept backup predates: the
    oldest kept backup here, and never less than the keeping period (copies
    kept elsewhere are kept no longer)."""
    oldest = min((taken for _folder, taken in backups_in(target)), default=now)
    kept_since = min(oldest, now - timedelta(days=keep_days()))
    return [line for hook in hooks.get_hooks(AFTER_BACKUP) if (line := hook(kept_since))]


def back_up(target, now=None):
    """Write one encrypted backup into ``target``; return its folder, the
    names of the expired backups removed and what the ``AFTER_BACKUP`` hooks said."""
    if connection.vendor != "postgresql":
        raise ImproperlyConfigured(
            "Backups dump PostgreSQL. On SQLite, copy the database file with "
            "`sqlite3 db.sqlite3 '.backup copy.sqlite3'` and the media folder."
        )
    now = now or datetime.now(UTC)
    folder = Path(target) / f"{PREFIX}{now.strftime(STAMP)}"
    folder.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.dump"
        subprocess.run(  # noqa: S603 - fixed arguments; the connection comes from the environment
            [
                postgresql_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                f"--file={dump}",
            ],
            env=libpq_environment(connection.settings_dict),
            check=True,
        )
        encrypt_file(dump, folder / "database.dump.enc")
        media = Path(work) / "media.tar"
        with tarfile.open(media, "w") as archive:
            for name in media_files():
                with default_storage.open(name, "rb") as handle:
                    content = handle.read()
                info = tarfile.TarInfo(name)
                info.size = len(content)
                archive.addfile(info, io.BytesIO(content))
        encrypt_file(media, folder / "media.tar.enc")
    expired = expire_old_backups(target, now)
    return folder, expired, after_backup(target, now)


def restore(folder, database):
    """Restore the backup in ``folder`` into ``database`` (Django's settings
    dict of an empty database) and put its media files back in the storage
    (files already there are kept: newer uploads and the erasure ledger)."""
    folder = Path(folder)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.dump"
        decrypt_file(folder / "database.dump.enc", dump)
        subprocess.run(  # noqa: S603 - fixed arguments; the connection comes from the environment
            [
                postgresql_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={database['NAME']}",
                str(dump),
            ],
            env=libpq_environment(database),
            check=True,
        )
        media = Path(work) / "media.tar"
        decrypt_file(folder / "media.tar.enc", media)
        restored = 0
        with tarfile.open(media) as archive:
            for member in archive.getmembers():
                if not member.isfile() or default_storage.exists(member.name):
                    continue
                extracted = archive.extractfile(member)
                assert extracted is not None
                default_storage.save(member.name, ContentFile(extracted.read()))
                restored += 1
    return restored
