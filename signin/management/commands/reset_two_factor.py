"""Reset someone's two-step sign-in (a lost or replaced phone):

    manage.py reset_two_factor sam

Removes their authenticator and recovery codes; they set it up again the next
time they sign in. Recorded in the sign-in log, and the person is emailed.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from signin.admin.reset import reset_for

WHO = "manage.py reset_two_factor"


class Command(BaseCommand):
    help = "Remove a person's second factors so they set them up again at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username", help="The person's username.")

    def handle(self, *args, username, **options):
        person = get_user_model()._default_manager.filter(username=username).first()
        if person is None:
            raise CommandError(f"No account has the username {username!r}.")
        removed = reset_for(person, by=WHO)
        self.stdout.write(
            f"Removed {removed} second factor(s) from {username}: "
            "they set up two-step sign-in again at their next sign-in."
        )
