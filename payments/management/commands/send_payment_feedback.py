"""Run daily: ask selected people what happened after their last session, and
ask once more, a week on, those who said they had not been paid yet."""

from home.cron_lock import RunOnceCommand
from payments.feedback.services import ask_after_last_sessions, ask_again_about_not_paid


class Command(RunOnceCommand):
    help = __doc__

    def handle(self, *args, **options):
        asked = ask_after_last_sessions()
        again = ask_again_about_not_paid()
        self.stdout.write(f"Asked {asked} people; asked {again} again about payment.")
