"""People's rights over their data: find, export and erase everything held for
an email address or phone number, across every registered source.

Used by ``manage.py personal_data_request`` and the admin's "Personal data
request" screen. The sources come from ``privacy.registry``; nothing here
names an app.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from privacy import erasure_ledger
from privacy.contacts import Contact
from privacy.models import PersonalDataAccess
from privacy.registry import PersonalDataSource, personal_data_sources


@dataclass
class Match:
    """One record that holds the person's email address or phone number."""

    source: str
    record_id: str
    data: dict[str, object]
    erasable: bool = True
    note: str = ""
    record: Model | None = field(default=None, repr=False)
    origin: PersonalDataSource | None = field(default=None, repr=False)


def matches_in(source: PersonalDataSource, contact: Contact) -> list[Match]:
    if source.find is None:
        return []
    return [
        Match(
            source=source.label,
            record_id=str(record.pk),
            data=source.export(record),
            erasable=source.erasure.erasable_on_request,
            note=source.note,
            record=record,
            origin=source,
        )
        for record in source.find(contact)
    ]


def find(email: str | None = None, phone: str | None = None) -> list[Match]:
    """Every record on the site holding this email address or phone number."""
    contact = Contact.from_request(email, phone)
    if not contact.email and not contact.phone:
        return []
    return [
        match for source in personal_data_sources.sources for match in matches_in(source, contact)
    ]


def export(matches: Iterable[Match]) -> str:
    """The matches as JSON text, for the person (a subject-access response)."""
    return json.dumps(
        {
            "generated_at": timezone.now(),
            "records": [
                {"type": m.source, "id": m.record_id, "data": m.data, "note": m.note}
                for m in matches
            ],
        },
        cls=DjangoJSONEncoder,
        indent=2,
        ensure_ascii=False,
    )


def delete_log_entries(model: type[Model], ids: Iterable[Any]) -> None:
    """Wagtail's audit log keeps a label per record; remove them with it."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in ids],
    ).delete()


def forget_log_entries(sender: type[Model], instance: Model, **kwargs: Any) -> None:
    """A ``post_delete`` receiver: a record that goes with another (a payment
    with its person's expression of interest, by the purge or an editor's
    delete) takes its audit-log entries with it, as an erased one does."""
    delete_log_entries(sender, [instance.pk])


def erase_records(source: PersonalDataSource, ids: list[Any]) -> int:
    """Erase these records of ``source`` its way; return how many were erased."""
    if not ids or source.erasure.by_hand:
        return 0
    records = source.model._default_manager.filter(pk__in=ids)
    if source.erasure.deletes:
        delete_log_entries(source.model, ids)
        records.delete()
        return len(ids)
    return int(records.update(**source.erasure.blank))


def erase(matches: Iterable[Match]) -> int:
    """Erase every erasable match; return how many records were erased."""
    erased = 0
    with transaction.atomic():
        for match in matches:
            if not match.erasable or match.record is None or match.origin is None:
                continue
            erase_records(match.origin, [match.record.pk])
            erased += 1
            # In the ledger once the erasure is committed, so a restore re-applies it.
            transaction.on_commit(
                partial(
                    erasure_ledger.record_erasure,
                    match.origin.model._meta.label_lower,
                    match.record.pk,
                )
            )
    return erased


def reapply_erasures() -> int:
    """After a restore: erase again every record the erasure ledger names;
    return how many were found again."""
    sources = {source.model._meta.label_lower: source for source in personal_data_sources.sources}
    erased = 0
    for entry in erasure_ledger.ledger_entries():
        source = sources.get(entry["model"])
        if source is not None and source.model._default_manager.filter(pk=entry["id"]).exists():
            erased += erase_records(source, [entry["id"]])
    return erased


def record_request(
    who: Any, action: str, matches: list[Match], detail: str = ""
) -> PersonalDataAccess:
    """Note in the personal-data access log that a request was answered.

    ``who`` is the member of staff, or a name such as the command's for the
    command line."""
    authenticated = bool(getattr(who, "is_authenticated", False))
    return PersonalDataAccess.objects.create(
        user=who if authenticated else None,
        username=who.get_username() if authenticated else str(who),
        action=action,
        record_type="personal data request",
        count=len(matches),
        detail=detail,
    )
