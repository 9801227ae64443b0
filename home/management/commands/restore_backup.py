"""Restore a backup into an empty database, then re-apply the erasures made
since (docs/scaling.md, "Backups"):

    BACKUP_KEY=... DATABASE_URL=postgres://.../copro_restored \\
        python manage.py restore_backup /backups/copro-20260601T031500Z
    DATABASE_URL=postgres://.../copro_restored python manage.py reapply_erasures

The database named by DATABASE_URL must exist and be empty (createdb).
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.backups.archive import restore


class Command(BaseCommand):
    help = "Restore an encrypted backup into the (empty) database and put back its media."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="The backup's folder, copro-<time>.")

    def handle(self, *args, folder, **options):
        if connection.introspection.table_names():
            raise CommandError(
                "This database is not empty: restore into a new one (createdb), "
                "then point DATABASE_URL at it."
            )
        restored = restore(folder, connection.settings_dict)
        self.stdout.write(f"Restored the database and {restored} media file(s).")
        self.stdout.write("Now run: python manage.py reapply_erasures")
