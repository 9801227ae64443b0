"""Send "Remind me before it closes" reminders, two days before each closing
date. Run from cron in the day, hourly or daily (texts wait for 8am anyway):

    0 10 * * *  cd /app && python manage.py send_closing_reminders

Safe to run twice, even at once: each reminder goes once.
"""

from home.cron_lock import RunOnceCommand
from opportunities.closing_reminder.services import send_closing_reminders


class Command(RunOnceCommand):
    help = "Email and text people who asked to be reminded before an opportunity closes, once."

    def handle(self, *args, **options):
        count = send_closing_reminders()
        self.stdout.write(f"{count} reminder{'' if count == 1 else 's'} sent.")
