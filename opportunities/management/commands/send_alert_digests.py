"""Send the weekly digest of new opportunities to people who follow a search
weekly. Run once a week from cron:

    0 9 * * 1  cd /app && python manage.py send_alert_digests

Safe to run twice, even at once: a locked row makes runs take turns, and each
person is claimed for the week before their one message goes. It also asks,
once, everyone whose alerts lapse in the next two weeks whether to keep them.
"""

from home.cron_lock import RunOnceCommand
from opportunities.alerts.matching import send_alert_digests
from opportunities.alerts.renewal import send_renewal_reminders


class Command(RunOnceCommand):
    help = "Send this week's digest of new opportunities to weekly search alerts, once."

    def handle(self, *args, **options):
        count = send_alert_digests()
        self.stdout.write(f"{count} {'person' if count == 1 else 'people'} sent a digest.")
        asked = send_renewal_reminders()
        self.stdout.write(f"{asked} alert{'' if asked == 1 else 's'} up for renewal.")
