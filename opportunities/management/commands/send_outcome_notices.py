"""Email people who asked what changed, for closed opportunities with an outcome.

Publishing an outcome sends these at once; this daily job catches
opportunities whose outcome was published before they closed. Each person
is emailed once however often it runs.
"""

from home.cron_lock import RunOnceCommand
from opportunities.interest.services import send_due_outcome_notices


class Command(RunOnceCommand):
    help = "Email each person who asked what changed, once, when the outcome is published."

    def handle(self, *args, **options):
        sent = send_due_outcome_notices()
        self.stdout.write(f"Outcome notices sent: {sent}")
