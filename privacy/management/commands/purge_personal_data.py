"""Delete personal data past its retention period. Run daily from cron:

    15 3 * * *  cd /app && python manage.py purge_personal_data

Safe to run twice: a second run finds nothing more to delete.
"""

from django.core.management.base import CommandError
from django.utils.dateparse import parse_datetime

from home.cron_lock import RunOnceCommand
from privacy.retention import purge


class Command(RunOnceCommand):
    help = (
        "Delete or blank personal data past its retention period, by each registered "
        "source's rule (see docs/privacy.md): one line per rule says how many went."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            help="Pretend it is this date and time (ISO 8601), for checking what would go.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, now=None, dry_run=False, **options):
        when = None
        if now:
            when = parse_datetime(now)
            if when is None or when.tzinfo is None:
                raise CommandError("--now needs a date, time and time zone, like 2026-06-01T03:00Z")
        report = purge(now=when, dry_run=dry_run)
        for line in report.lines:
            self.stdout.write(("Would have: " if dry_run else "") + str(line))
