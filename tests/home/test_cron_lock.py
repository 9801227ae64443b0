"""Scheduled commands run once, however many hosts run cron (home/cron_lock.py).

A second run of ``publish_scheduled`` started while the first is publishing
(as when two app servers carry the same crontab) does nothing, so the page is
published once; after the first run ends, the next run works as usual. The
lock is PostgreSQL's advisory lock there, a file lock on SQLite.
"""

import multiprocessing
import re
import shlex
import threading
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.signals import page_published

from home.cron_lock import run_once
from home.models import StandardPage
from tests.conftest import default_home_page

pytestmark = pytest.mark.django_db(transaction=True)


def scheduled_page(title):
    page = default_home_page().add_child(instance=StandardPage(title=title, live=False))
    revision = page.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    return page


def run_in_another_thread(*args):
    """A second cron run, on its own database connection, as another host's is."""
    output = StringIO()

    def run():
        try:
            call_command(*args, stdout=output)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    return output.getvalue()


def test_two_runs_at_once_publish_a_scheduled_page_once():
    page = scheduled_page("Published by the scheduler")
    second_run = []

    def start_the_second_run_meanwhile(sender, instance, **kwargs):
        if not second_run:
            second_run.append(run_in_another_thread("publish_scheduled"))

    page_published.connect(start_the_second_run_meanwhile)
    try:
        call_command("publish_scheduled", stdout=StringIO())
    finally:
        page_published.disconnect(start_the_second_run_meanwhile)

    assert second_run == [
        "publish_scheduled: another run is under way (here or on another host); skipped.\n"
    ]
    page.refresh_from_db()
    assert page.live
    scheduled = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled")
    assert scheduled.count() == 1

    # The lock went with the first run: the next one publishes what is due.
    later = scheduled_page("Published by the next run")
    output = StringIO()
    call_command("publish_scheduled", stdout=output)
    assert "skipped" not in output.getvalue()
    later.refresh_from_db()
    assert later.live


def documented_cron_commands():
    """Every command in the crontab that docs/operations.md asks each host to carry."""
    text = (Path(settings.BASE_DIR) / "docs" / "operations.md").read_text()
    crontab = text.split("```", 2)[1]
    return [
        (name, shlex.split(arguments))
        for name, arguments in re.findall(r"manage\.py (\w+)([^#\n]*)", crontab)
    ]


CRON_COMMANDS = documented_cron_commands()


def test_the_documented_crontab_names_every_scheduled_command():
    names = {name for name, _arguments in CRON_COMMANDS}
    assert {"publish_scheduled", "purge_personal_data", "send_alert_digests"} <= names


def test_every_cron_command_skips_while_another_run_holds_its_lock(settings):
    # Production's task backend, which prune_db_task_results prunes.
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for command, arguments in CRON_COMMANDS:
        assert_skips_while_held(command, arguments)


def assert_skips_while_held(command, arguments=()):
    holding, release, done = threading.Event(), threading.Event(), threading.Event()

    def another_host():
        try:
            with run_once(command) as acquired:
                assert acquired
                holding.set()
                release.wait(timeout=60)
        finally:
            connections.close_all()
            done.set()

    threading.Thread(target=another_host).start()
    assert holding.wait(timeout=60)
    try:
        output = StringIO()
        call_command(command, *arguments, stdout=output)
        assert output.getvalue() == (
            f"{command}: another run is under way (here or on another host); skipped.\n"
        )
    finally:
        release.set()
        done.wait(timeout=60)

    if arguments:
        return  # backup_site: a real run is the restore drill's (tests/deploy/)
    output = StringIO()
    call_command(command, stdout=output)
    assert "skipped" not in output.getvalue()


def hold_lock_for_another_database(name, database, holding, release):
    connection.settings_dict["NAME"] = database
    with run_once(name) as acquired:
        if acquired:
            holding.set()
            release.wait(timeout=60)


@pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="database files are SQLite's",
)
def test_a_run_against_another_database_in_the_same_folder_does_not_block():
    # Parallel test workers each have their own database file in one folder,
    # so one worker's run of a command must not make another worker's skip.
    database = Path(connection.settings_dict["NAME"])
    context = multiprocessing.get_context("fork")
    holding, release = context.Event(), context.Event()
    other = context.Process(
        target=hold_lock_for_another_database,
        args=("send_session_reminders", str(database.with_name("other.sqlite3")), holding, release),
    )
    other.start()
    try:
        assert holding.wait(timeout=60)
        with run_once("send_session_reminders") as acquired:
            assert acquired
    finally:
        release.set()
        other.join(timeout=60)
