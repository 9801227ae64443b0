"""Load a realistic demo site. Safe to run again: it changes nothing the second time."""

import os
from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home import demo_content
from home.site_address import absolute_url

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "copro-demo"  # noqa: S105 - development only, printed on purpose


class Command(BaseCommand):
    help = (
        "Load demo content: pages, taxonomies, partners, opportunities and the ladder. "
        "Idempotent. In development (DEBUG on) it also makes a demo admin login."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin account."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            demo_content.load(self.stdout)
            # Each feature app may ship `<app>/demo_content.py` with load(stdout);
            # they run in INSTALLED_APPS order (partners, ladder, opportunities).
            for app_config in apps.get_app_configs():
                if app_config.name == "home":
                    continue
                try:
                    module = import_module(f"{app_config.name}.demo_content")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo_content":
                        raise
                    continue
                module.load(self.stdout)
            demo_content.set_navigation(self.stdout)

        if settings.DEBUG and not options["no_admin"] and not os.environ.get("NO_DEMO_ADMIN"):
            self._demo_admin()

    def _demo_admin(self):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=DEMO_ADMIN_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@example.org"},
        )
        if created:
            user.set_password(DEMO_ADMIN_PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo admin: {absolute_url('/admin/')}  user '{DEMO_ADMIN_USERNAME}', "
                f"password '{DEMO_ADMIN_PASSWORD}' (development only)"
            )
        )
