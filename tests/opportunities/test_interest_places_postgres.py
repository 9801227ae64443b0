"""Two editors selecting people at the same moment never take more places than
there are. Row locks need PostgreSQL (SQLite ignores select_for_update and
runs one writer at a time), so this test runs only there."""

import threading
import time

import pytest
from django.db import connection

from opportunities.interest import services as interest
from opportunities.models import ExpressionOfInterest
from tests.conftest import default_home_page
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL"),
]

EDITORS = 4


def test_concurrent_selections_never_exceed_the_places(monkeypatch):
    page = make_opportunity(make_board(default_home_page()), places=2)
    people = [make_interest(page)[0] for _ in range(EDITORS * 2)]
    real_count = interest.places_taken

    def slow_count(opportunity):
        # Widen the gap between counting and saving, where a race would bite.
        taken = real_count(opportunity)
        time.sleep(0.3)
        return taken

    monkeypatch.setattr(interest, "places_taken", slow_count)
    start = threading.Barrier(EDITORS)
    results, errors = [], []

    def editor(batch):
        from django.db import connections

        try:
            start.wait()
            records = list(ExpressionOfInterest.objects.filter(pk__in=[p.pk for p in batch]))
            results.append(interest.change_status(records, "selected"))
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    # Each editor selects one person, so only two of the four can succeed.
    threads = [threading.Thread(target=editor, args=([people[i]],)) for i in range(EDITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    selected = ExpressionOfInterest.objects.filter(opportunity=page, status="selected").count()
    assert selected == 2
    assert sum(result.changed for result in results) == 2
    assert sum(len(result.refused) for result in results) == EDITORS - 2
