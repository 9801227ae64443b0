"""Answer a subject-access or erasure request from the command line.

    manage.py personal_data_request --email sam@example.org
    manage.py personal_data_request --phone "07700 900982" --export sam.json
    manage.py personal_data_request --email sam@example.org --erase

Searches every registered personal-data source (``privacy.registry``), lists what it finds, writes it to a JSON
file for the person, and erases it on request. Each use is recorded in the
personal data access log.
"""

from django.core.management.base import BaseCommand, CommandError

from privacy import subject_requests
from privacy.models import PersonalDataAccess

WHO = "manage.py personal_data_request"


class Command(BaseCommand):
    help = "Find, export or erase everything the site holds for an email address or phone number."

    def add_arguments(self, parser):
        parser.add_argument("--email", help="The person's email address.")
        parser.add_argument("--phone", help="The person's phone number, in any format.")
        parser.add_argument("--export", metavar="FILE", help="Write what was found to FILE (JSON).")
        parser.add_argument(
            "--erase", action="store_true", help="Erase what was found (after listing it)."
        )

    def handle(self, *args, email=None, phone=None, export=None, erase=False, **options):
        if not email and not phone:
            raise CommandError("Give --email or --phone (or both).")
        matches = subject_requests.find(email=email, phone=phone)
        subject_requests.record_request(WHO, PersonalDataAccess.Action.SEARCHED, matches)
        if not matches:
            self.stdout.write("Nothing found.")
        for match in matches:
            note = f" ({match.note})" if match.note else ""
            self.stdout.write(f"- {match.source} #{match.record_id}{note}")
        if export:
            with open(export, "w", encoding="utf-8") as handle:
                handle.write(subject_requests.export(matches))
            subject_requests.record_request(WHO, PersonalDataAccess.Action.EXPORTED, matches)
            self.stdout.write(f"Written to {export}")
        if erase:
            erased = subject_requests.erase(matches)
            subject_requests.record_request(
                WHO, PersonalDataAccess.Action.ERASED, matches, detail=f"{erased} erased"
            )
            kept = [m for m in matches if not m.erasable]
            self.stdout.write(f"Erased {erased} record(s).")
            for match in kept:
                self.stdout.write(f"Not erased, do by hand: {match.source} #{match.record_id}")
