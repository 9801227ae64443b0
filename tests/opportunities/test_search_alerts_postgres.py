"""The weekly digest run twice at the same moment sends each person one
message: the runs take turns on a locked row (PostgreSQL; SQLite ignores
select_for_update and runs one writer at a time), so this test runs only there."""

import io
import threading

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from home.private_links import new_reference
from opportunities.models import SearchAlert
from tests.conftest import default_home_page
from tests.opportunities.conftest import make_board, make_opportunity

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
    pytest.mark.usefixtures("search_index"),
]

RUNS = 2


def weekly_alert(board, address):
    alert = SearchAlert(
        board=board,
        frequency="weekly",
        reference=new_reference(),
        contact_email=address,
        email_ok=True,
        email_safe=True,
        confirmed_at=timezone.now(),
    )
    alert.issue_link()
    alert.save()
    return alert


def test_two_digest_runs_at_once_send_each_person_one_message():
    board = make_board(default_home_page())
    people = [f"person{n}@example.org" for n in range(3)]
    for address in people:
        weekly_alert(board, address)
    weekly_alert(board, people[0])  # a second alert of the same person
    make_opportunity(board, title="New this week", slug="new")
    mail.outbox.clear()
    start = threading.Barrier(RUNS)
    errors = []

    def run():
        from django.db import connections

        try:
            start.wait()
            call_command("send_alert_digests", stdout=io.StringIO())
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    assert sorted(email.to[0] for email in mail.outbox) == people
    assert all("New this week" in email.body for email in mail.outbox)
