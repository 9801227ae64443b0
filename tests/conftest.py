"""Shared fixtures: the database states, the demo site, people in each group.

The test database is migrated once per run (per xdist worker) and saved, so
migrated data (groups, the moderation workflow, seeded benefit rules, the
home page) is there for every test. Transactional tests end with Django's
flush; the saved migrated state is copied back after each of them. The demo
content is loaded once and saved beside it for the tests that start from it
(see ``tests/database_states.py``).
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Site

from tests.database_states import DEMO, MIGRATED, saved_states_for

SAVED_STATES = pytest.StashKey()
DEMO_GROUP = "demo_site"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database, with its migrated state saved."""
    from django.db import connection

    with django_db_blocker.unblock():
        states = saved_states_for(connection)
        states.save(MIGRATED)
    request.config.stash[SAVED_STATES] = (states, django_db_blocker)
    yield
    del request.config.stash[SAVED_STATES]
    with django_db_blocker.unblock():
        states.discard_all()


@pytest.fixture
def demo_site(transactional_db, django_db_setup, request):
    """The demo content, on the database a live server reads.

    Loaded by ``load_demo_content`` the first time a test asks for it, saved,
    and copied back for every later test. Tests that use it run on one xdist
    worker (see ``pytest_collection_modifyitems``), so it is loaded once per run.
    """
    states, _blocker = request.config.stash[SAVED_STATES]
    if DEMO in states.saved:
        states.restore(DEMO)
    else:
        call_command("load_demo_content", "--no-admin", stdout=StringIO())
        states.save(DEMO)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, whatever ran before it (tests run
    in random order): rate limits count there, and Wagtail keeps values read
    from a database that may since have been swapped for a saved state."""
    from django.core.cache import cache

    cache.clear()


def flushes_the_database(item):
    """Whether pytest-django ends ``item`` with a flush rather than a rollback."""
    marker = item.get_closest_marker("django_db")
    if marker and (
        marker.kwargs.get("transaction")
        or marker.kwargs.get("reset_sequences")
        or (marker.args and marker.args[0])
    ):
        return True
    names = getattr(item, "fixturenames", ())
    if "transactional_db" in names or "live_server" in names:
        return True
    from django.test import TestCase, TransactionTestCase

    cls = getattr(item, "cls", None)
    return bool(cls and issubclass(cls, TransactionTestCase) and not issubclass(cls, TestCase))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test and its flush, copy the migrated state back."""
    try:
        return (yield)
    finally:
        saved = item.config.stash.get(SAVED_STATES, None)
        # With no next test, the session is over and the database is gone.
        if saved and nextitem is not None and flushes_the_database(item):
            states, blocker = saved
            with blocker.unblock():
                states.restore(MIGRATED)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(items):
    """Tests that start from the demo site (the browser tests among them) share
    one xdist group, run first.

    One worker then loads the demo content once and runs them while the other
    takes the rest; putting the group first lets the scheduler start it at
    once rather than after everything else. The group is marked before other
    plugins look (xdist reads the mark) and moved after they sort.
    """
    for item in items:
        if "demo_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group(DEMO_GROUP))
    result = yield
    grouped = [item for item in items if item.get_closest_marker("xdist_group")]
    items[:] = grouped + [item for item in items if not item.get_closest_marker("xdist_group")]
    return result


def default_home_page():
    """The default site's HomePage, as migrations made it."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def home_page(db):
    return default_home_page()


def make_user(django_user_model, username, groups=(), **extra):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.org", password="password", **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def editor(db, django_user_model):
    return make_user(django_user_model, "editor", ["Editors"])


@pytest.fixture
def moderator(db, django_user_model):
    return make_user(django_user_model, "moderator", ["Moderators"])


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="super", email="super@example.org", password="password"
    )


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
