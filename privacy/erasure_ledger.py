"""The erasure ledger: erasures survive a restore (docs/privacy.md, docs/scaling.md).

Each erasure on request leaves one small file in the media storage
(``erasure-ledger/``, on disk or in the bucket, shared by every host) naming
the record's type and id, and nothing else: no name, address or number. After
a backup is restored, ``manage.py reapply_erasures`` (subject_requests.reapply_erasures) erases every record named
in the ledger again, so a person erased after the backup was taken stays
erased. The storage, not the database, keeps the ledger, so restoring an older
database cannot roll it back; restoring media keeps files already there.
An entry is needed only while some backup predates it: after each backup,
entries older than every backup still kept are deleted (``forget_before``).
"""

import json
import uuid
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "erasure-ledger/"


def record_erasure(model_label: str, record_id: object) -> None:
    """Note that this record was erased (references only)."""
    entry = {"model": model_label, "id": str(record_id), "erased_at": timezone.now().isoformat()}
    name = f"{FOLDER}{timezone.now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex}.json"
    default_storage.save(name, ContentFile(json.dumps(entry).encode()))


def ledger_entries() -> list[dict[str, str]]:
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return []
    entries: list[dict[str, str]] = []
    for name in sorted(files):
        with default_storage.open(f"{FOLDER}{name}", "rb") as handle:
            entries.append(json.loads(handle.read()))
    return entries


def forget_before(kept_since: datetime) -> str | None:
    """Delete the entries of erasures made before ``kept_since``: no backup
    still kept holds those records. Hooked after each backup (``AFTER_BACKUP``)."""
    try:
        _folders, files = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return None
    forgotten = 0
    for name in files:
        with default_storage.open(f"{FOLDER}{name}", "rb") as handle:
            erased_at = datetime.fromisoformat(json.loads(handle.read())["erased_at"])
        if erased_at < kept_since:
            default_storage.delete(f"{FOLDER}{name}")
            forgotten += 1
    if not forgotten:
        return None
    return f"Erasure ledger: {forgotten} entr{'y' if forgotten == 1 else 'ies'} older than every kept backup deleted."
