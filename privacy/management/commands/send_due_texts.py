"""Queue the text messages whose time has come. Run every few minutes from cron:

    */5 * * * *  cd /app && python manage.py send_due_texts

It picks up texts held back by the sending window, retries whose delay has
passed, and texts whose task was lost. Safe to run twice or in two places at
once: each text is claimed by one sending attempt only.
"""

from home.cron_lock import RunOnceCommand
from privacy.texts.sending import send_due_texts


class Command(RunOnceCommand):
    help = "Queue text messages that are due: waiting for the window, to retry, or lost."

    def handle(self, *args, **options):
        count = send_due_texts()
        self.stdout.write(f"{count} text message{'' if count == 1 else 's'} queued.")
