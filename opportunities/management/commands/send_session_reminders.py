"""Remind selected people of tomorrow's sessions. Run daily from cron, in the
day (texts wait for 8am anyway):

    0 10 * * *  cd /app && python manage.py send_session_reminders

Safe to run twice: each person is reminded of a day once.
"""

from home.cron_lock import RunOnceCommand
from opportunities.interest.session_reminders import send_session_reminders


class Command(RunOnceCommand):
    help = "Email and text selected people a reminder of tomorrow's session, once."

    def handle(self, *args, **options):
        count = send_session_reminders()
        self.stdout.write(f"{count} {'person' if count == 1 else 'people'} reminded.")
