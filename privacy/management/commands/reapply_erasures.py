"""After restoring a backup: erase again everyone erased since it was taken.

    DATABASE_URL=postgres://.../copro_restored python manage.py reapply_erasures

Reads the erasure ledger (privacy/erasure_ledger.py: record types and ids
only) from the media storage. Safe to run again: erased records are not found.
"""

from django.core.management.base import BaseCommand

from privacy.subject_requests import reapply_erasures


class Command(BaseCommand):
    help = "Re-apply the erasure ledger to this database (after a restore)."

    def handle(self, *args, **options):
        count = reapply_erasures()
        self.stdout.write(f"Erased again: {count} record(s).")
