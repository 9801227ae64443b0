"""Wagtail's scheduled publishing, run once however many hosts run cron.

Wagtail's own ``publish_scheduled`` (this app comes before ``wagtail`` in
INSTALLED_APPS, so this command takes its name) wrapped in the scheduled
commands' lock (home/cron_lock.py): two hosts running it at once publish a
scheduled page once.

    */10 * * * *  cd /app && python manage.py publish_scheduled
"""

from wagtail.management.commands.publish_scheduled import Command as WagtailPublishScheduled

from home.cron_lock import RunOnceCommand


class Command(RunOnceCommand, WagtailPublishScheduled):
    help = "Publish and unpublish scheduled pages and snippets (Wagtail's), once across hosts."
