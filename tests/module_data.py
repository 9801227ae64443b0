"""Rows built once for all the tests of a module (Django's ``setUpTestData``,
for pytest).

A module-scoped fixture builds them inside ``kept_for_the_module()``: a
transaction left open until the module's last test, then rolled back. Each
test runs inside it in a savepoint of its own (pytest-django's ``db``), so
what a test changes is undone before the next. A function-scoped fixture
then reads the rows afresh for each test, so no test sees objects another
changed in memory.
"""

from contextlib import contextmanager

from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from tests.search_index import searching_on_save


@contextmanager
def kept_for_the_module(django_db_blocker):
    """Open the module's transaction, with saves written to the search index
    and an empty cache (nothing kept from another test's database)."""
    cache.clear()
    with django_db_blocker.unblock(), transaction.atomic():
        with override_settings(WAGTAILSEARCH_BACKENDS=searching_on_save()):
            yield
        transaction.set_rollback(True)
