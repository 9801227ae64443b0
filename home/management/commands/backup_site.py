"""Back up the database and the media, encrypted (home/backups/archive.py):

    BACKUP_KEY=... python manage.py backup_site --to /backups

Run daily from cron on one host (it takes the scheduled commands' lock).
Backups older than BACKUP_KEEP_DAYS (35) in that folder are deleted, and the
erasure ledger forgets erasures older than every backup still kept.
"""

from home.backups.archive import back_up
from home.cron_lock import RunOnceCommand


class Command(RunOnceCommand):
    help = "Dump PostgreSQL (custom format) and copy the media, encrypted with BACKUP_KEY."

    def add_arguments(self, parser):
        parser.add_argument("--to", required=True, help="The folder that keeps the backups.")

    def handle(self, *args, to, **options):
        folder, expired, notes = back_up(to)
        self.stdout.write(f"Backed up to {folder}")
        for name in expired:
            self.stdout.write(f"Expired and deleted: {name}")
        for note in notes:
            self.stdout.write(note)
