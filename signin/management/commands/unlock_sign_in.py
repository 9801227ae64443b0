"""Clear sign-in lockouts (django-axes' failure counters):

    manage.py unlock_sign_in --username sam
    manage.py unlock_sign_in --username sam --address 203.0.113.7
    manage.py unlock_sign_in --address 203.0.113.7
    manage.py unlock_sign_in --all

Recorded in the sign-in log.
"""

import ipaddress

from django.core.management.base import BaseCommand, CommandError

from signin import audit
from signin.choices import SignInEventKind
from signin.lockout import unlock

WHO = "manage.py unlock_sign_in"


class Command(BaseCommand):
    help = "Clear failed sign-ins for a username, an address, both together, or everyone."

    def add_arguments(self, parser):
        parser.add_argument("--username", help="Only this username.")
        parser.add_argument("--address", help="Only this network (IP) address.")
        parser.add_argument("--all", action="store_true", help="Every username and address.")

    def handle(self, *args, username=None, address=None, all=False, **options):
        if not (username or address or all):
            raise CommandError("Give --username, --address (or both), or --all.")
        if (username or address) and all:
            raise CommandError("--all clears everything: give it alone.")
        if address:
            try:
                address = str(ipaddress.ip_address(address))
            except ValueError as error:
                raise CommandError(f"{address!r} is not an IP address.") from error
        cleared = unlock(username=username, address=address)
        audit.record(
            SignInEventKind.UNLOCKED,
            user=audit.account_named(username),
            username=username or "",
            detail=f"by {WHO}; {cleared} record(s) cleared",
        )
        self.stdout.write(f"Cleared {cleared} failure record(s).")
