"""Give the default Wagtail Site the address in SITE_URL (or the one given)."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from home.site_address import apply_to_default_site, site_url


class Command(BaseCommand):
    help = (
        "Set the default Site's host name and port from SITE_URL, as every migrate does. "
        "Pass an address to use another, e.g. https://copro.example.org."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="The public address (default: SITE_URL).")

    def handle(self, *args, url=None, **options):
        try:
            site = apply_to_default_site(url or site_url())
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        if site is None:
            raise CommandError("There is no default Site yet: run manage.py migrate first.")
        self.stdout.write(f"The site's address is now {site.root_url}/")
