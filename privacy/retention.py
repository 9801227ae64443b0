"""Retention: delete or blank personal data past its time, by each registered
source's own rule (run daily by ``manage.py purge_personal_data``).

The rules themselves are declared with their sources (``<app>/privacy.py``);
see docs/privacy.md for the list. The retention period comes from Site
settings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from home.models import SiteSettings
from privacy.registry import PersonalDataSource, PurgeClock, personal_data_sources
from privacy.subject_requests import erase_records

# Called with the ``PurgeClock`` before anything is erased (never on a dry run),
# so an app can keep what may outlive the records: figures about groups of at
# least 5 people, which are no longer personal data (payments.retention).
BEFORE_PURGE = "before_personal_data_purge"


@dataclass(frozen=True)
class PurgeLine:
    source: PersonalDataSource
    count: int

    def __str__(self) -> str:
        retention = self.source.retention
        what = retention.what if retention else self.source.label
        verb = "Deleted" if self.source.erasure.deletes else "Removed"
        return f"{verb} {self.count} {what}."


@dataclass
class PurgeReport:
    """How many records each retention rule erased (or would erase, on a dry run)."""

    lines: list[PurgeLine] = field(default_factory=list)

    def __str__(self) -> str:
        return "\n".join(str(line) for line in self.lines)


def purge(now: datetime | None = None, dry_run: bool = False) -> PurgeReport:
    """Erase what each source's retention rule says has had its time.

    Safe to run any number of times: a second run finds nothing more. With
    ``dry_run``, counts and changes nothing.
    """
    clock = PurgeClock(now=now or timezone.now(), retention_days=SiteSettings.load().retention_days)
    report = PurgeReport()
    with transaction.atomic():
        if not dry_run:
            for keep in hooks.get_hooks(BEFORE_PURGE):
                keep(clock)
        for source in personal_data_sources.sources:
            if source.retention is None:
                continue
            ids = list(source.retention.expired(clock).values_list("pk", flat=True))
            if not dry_run:
                erase_records(source, ids)
            report.lines.append(PurgeLine(source, len(ids)))
    return report
