"""django-tasks-db's pruning of old task results, run once however many hosts
run cron (home/cron_lock.py; this app comes before ``django_tasks_db`` in
INSTALLED_APPS, so this command takes its name).

    45 3 * * 0  cd /app && python manage.py prune_db_task_results
"""

from django_tasks_db.management.commands.prune_db_task_results import (
    Command as PruneTaskResults,
)

from home.cron_lock import RunOnceCommand


class Command(RunOnceCommand, PruneTaskResults):
    pass
