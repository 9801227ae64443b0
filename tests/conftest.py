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
from django.test import override_settings
from wagtail.models import Site

from tests.database_states import DEMO, MIGRATED, saved_states_for
from tests.search_index import searching_on_save

SAVED_STATES = pytest.StashKey()


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
    and copied back for every later test. Tests that use it run in two groups,
    one per xdist worker (see ``DEMO_GROUPS``), so it is loaded once per worker.
    """
    states, _blocker = request.config.stash[SAVED_STATES]
    if DEMO in states.saved:
        states.restore(DEMO)
    else:
        with override_settings(WAGTAILSEARCH_BACKENDS=searching_on_save()):
            call_command("load_demo_content", "--no-admin", stdout=StringIO())
        states.save(DEMO)


@pytest.fixture
def search_index(settings):
    """Saves write the search index, as in production (the test settings turn
    that off, since most tests never search). For every test that searches, or
    asserts what a search finds or leaves out."""
    settings.WAGTAILSEARCH_BACKENDS = searching_on_save()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch):
    """``force_login`` signs a person in without their password; for someone
    who must use a second factor it passes that too (tests/two_factor.py), so
    tests about what staff may do start from a fully signed-in session. The
    sign-in itself is tested through the real pages in tests/signin/."""
    from django.test.client import ClientMixin

    from tests.two_factor import pass_second_factor

    password_only = ClientMixin.force_login

    def force_login(self, user, backend=None):
        password_only(self, user, backend)
        pass_second_factor(self, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache, whatever ran before it (tests run
    in random order): rate limits count there, and Wagtail keeps values read
    from a database that may since have been swapped for a saved state."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def text_outbox():
    """The texts sent by the in-memory backend (the tests' one), emptied before
    each test, like pytest-django's ``mailoutbox``."""
    from privacy.texts.backends import locmem

    locmem.outbox.clear()
    return locmem.outbox


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


DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
    "live_server",
}


def uses_the_database(item):
    """Whether pytest-django lets ``item`` reach the test database.

    Any other test is refused the database by pytest-django (a query fails
    it), and is marked ``database_independent`` (see below).
    """
    if item.get_closest_marker("django_db"):
        return True
    if DATABASE_FIXTURES & set(getattr(item, "fixturenames", ())):
        return True
    from django.test import TransactionTestCase

    cls = getattr(item, "cls", None)
    return bool(cls and issubclass(cls, TransactionTestCase))


# Where a database-independent test's own processes would find the run's
# database if they took it from the environment: nowhere (see below).
NO_DATABASE_URL = "postgres://database-independent@database-independent.invalid/none"


@pytest.fixture(autouse=True)
def subprocesses_bring_their_own_database(request, monkeypatch):
    """A database-independent test gives any process it starts a database of
    its own (as tests/deploy/ do): one that took the run's database from the
    environment would fail to connect here, so the test fails rather than
    quietly depending on which database the run uses."""
    if request.node.get_closest_marker("database_independent"):
        monkeypatch.setenv("DATABASE_URL", NO_DATABASE_URL)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test and its flush, copy the migrated state back.

    Not when the next test starts from the saved demo site: its ``demo_site``
    copies the demo state over the whole database before the test runs, so
    copying the migrated state first would be thrown away (one database copy
    saved for each browser test but the last of its group). The first test of
    a group loads the demo content onto the migrated state, so that one gets it.
    """
    try:
        return (yield)
    finally:
        saved = item.config.stash.get(SAVED_STATES, None)
        # With no next test, the session is over and the database is gone.
        if saved and nextitem is not None and flushes_the_database(item):
            states, blocker = saved
            if not (DEMO in states.saved and "demo_site" in getattr(nextitem, "fixturenames", ())):
                with blocker.unblock():
                    states.restore(MIGRATED)


# The tests that start from the demo site: every browser test and the few
# others that ask for ``demo_site``. They form two groups, one per xdist
# worker; each worker loads the demo content once (into its own database,
# served by its own live server) and runs its group's tests from it, so the
# browser tests use both cores. Listed by path because the scheduler sees only
# test ids (collection checks that every user of ``demo_site`` is listed). The
# modules are shared out by their time on a quiet machine; keep the groups'
# totals near each other when adding one.
DEMO_GROUPS = {
    "demo_site_a": (
        "tests/browser/test_admin_plain_words.py",
        "tests/browser/test_alerts.py",
        "tests/browser/test_editor_journeys.py",
        "tests/browser/test_ladder.py",
        "tests/browser/test_ladder_retake.py",
        "tests/browser/test_payment_feedback.py",
        "tests/browser/test_quick_exit.py",
        "tests/browser/test_two_factor.py",
        "tests/home/test_demo_content.py",
        "tests/home/test_page_weight.py",
        "tests/home/test_previews.py",
        "tests/test_role_matrix.py",
    ),
    "demo_site_b": (
        "tests/browser/test_interest.py",
        "tests/browser/test_ladder_partners.py",
        "tests/browser/test_link_again.py",
        "tests/browser/test_opportunities.py",
        "tests/browser/test_partners.py",
        "tests/browser/test_phone.py",
        "tests/browser/test_security.py",
        "tests/browser/test_site_journeys.py",
        "tests/opportunities/test_demo_content.py",
        "tests/opportunities/test_interest_demo.py",
        "tests/opportunities/test_search_demo.py",
        "tests/partners/test_demo_content.py",
        "tests/payments/test_demo_content.py",
    ),
}


# The longest tests outside the demo groups (each 10 s to over a minute on a
# quiet machine: subprocess servers, a backup restored into a new database,
# migrations run backwards and forwards, the input fuzzing). They are handed
# out right after the demo groups, so the run never ends with one worker on a
# long drill while the other has nothing left to do; the short tests, handed
# out last, even the two workers out at the end.
LONG_PATHS = (
    "tests/deploy/test_two_servers.py",
    "tests/deploy/test_restore_drill.py",
    "tests/deploy/test_gunicorn.py",
    "tests/test_fuzz_public_input.py",
    "tests/privacy/test_contact_wishes_migration.py",
    "tests/privacy/test_personal_data_access_migration.py",
    "tests/ladder/test_scoring_rule_migration.py",
    # Run whole (WHOLE_MODULE_PATHS): 15 to 40 s a module.
    "tests/opportunities/test_query_budget.py",
    "tests/ladder/test_invitation_query_budget.py",
    "tests/privacy/test_message_wishes.py",
)


# Tests whose every line is measured elsewhere, left out of coverage (pytest-cov's
# ``no_cover``): coverage's tracer doubles the time of any test on Python 3.11,
# and these repeat the same pages many times over (200 generated requests per
# form or listing; 50 published pages built to count a page's queries) or run
# migrations, which coverage leaves out anyway. Their setup is still measured;
# their assertions run as before, only the tracer is paused while they run.
NOT_MEASURED_PATHS = (
    "tests/test_fuzz_public_input.py",
    "tests/opportunities/test_query_budget.py",
    "tests/partners/test_query_budget.py",
    "tests/ladder/test_invitation_query_budget.py",
    "tests/privacy/test_contact_wishes_migration.py",
    "tests/privacy/test_personal_data_access_migration.py",
    "tests/ladder/test_scoring_rule_migration.py",
)


# Modules whose tests share one costly module-scoped fixture (a production
# server built with collectstatic and migrate; rows built once for the module,
# tests/module_data.py): each runs whole on one worker, so the fixture is built
# once rather than once per worker. Those over 15 s as a whole are in LONG_PATHS.
MODULE_DATA_PATHS = (
    "tests/opportunities/test_listing.py",
    "tests/opportunities/test_query_budget.py",
    "tests/partners/test_directory.py",
    "tests/partners/test_query_budget.py",
    "tests/ladder/test_invitation_query_budget.py",
    "tests/privacy/test_message_wishes.py",
)
WHOLE_MODULE_PATHS = ("tests/deploy/test_gunicorn.py", *MODULE_DATA_PATHS)


def demo_group(nodeid):
    """The demo group ``nodeid`` belongs to, or None."""
    module = nodeid.split("::", 1)[0]
    for group, paths in DEMO_GROUPS.items():
        if module in paths:
            return group
    return None


def in_demo_group(nodeid):
    return demo_group(nodeid) is not None


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config, items):
    """Mark the database-independent tests, the demo groups (``xdist_group``)
    and the tests left out of coverage (``NOT_MEASURED_PATHS``), and run the groups first, then the long tests (``LONG_PATHS``).

    A test that cannot reach the test database (pytest-django refuses it one)
    is marked ``database_independent``: it does the same whichever database
    the run uses, so CI runs it once, in the PostgreSQL run, and leaves it out
    of the SQLite run (``make test-database``).

    Putting the groups first keeps each group's tests together, so between
    two of them the migrated state is not copied back for nothing (see
    ``pytest_runtest_teardown``). The groups are marked before other plugins look and moved after
    they sort. A browser test or a user of ``demo_site`` in no group stops
    the run.
    """
    strays = []
    for item in items:
        if not uses_the_database(item):
            item.add_marker(pytest.mark.database_independent)
        if item.nodeid.split("::", 1)[0] in NOT_MEASURED_PATHS:
            item.add_marker(pytest.mark.no_cover)
        group = demo_group(item.nodeid)
        if group:
            item.add_marker(pytest.mark.xdist_group(group))
        elif "demo_site" in getattr(item, "fixturenames", ()) or item.nodeid.startswith(
            "tests/browser/"
        ):
            strays.append(item.nodeid)
    if strays:
        raise pytest.UsageError(
            "Tests that use demo_site must be listed in DEMO_GROUPS (tests/conftest.py): "
            + ", ".join(strays)
        )
    result = yield
    items.sort(key=lambda item: scheduling_rank(item.nodeid))
    return result


def scheduling_rank(nodeid):
    """0 for the demo groups, 1 for the long tests, 2 for the rest (a stable sort
    keeps the shuffled order within each)."""
    if in_demo_group(nodeid):
        return 0
    return 1 if nodeid.split("::", 1)[0] in LONG_PATHS else 2


def pytest_xdist_make_scheduler(config, log):
    """``--dist loadgroup``, keeping each demo group and each whole module on one worker.

    Each worker starts with a demo group of its own: collection puts the
    groups first and ``--no-loadscope-reorder`` (``PARALLEL`` in the Makefile)
    keeps that order, so the first two units handed out are the two groups.

    pytest 9.2's structured test ids ignore the id suffix by which
    pytest-xdist 3.8 passes ``xdist_group`` to its scheduler (pytest-xdist
    issue 1386), so the group is recognised here by path instead.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadGroupScheduling

    class DemoGroupScheduling(LoadGroupScheduling):
        def _split_scope(self, nodeid):
            group = demo_group(nodeid)
            if group:
                return group
            module = nodeid.split("::", 1)[0]
            if module in WHOLE_MODULE_PATHS:
                return module
            return super()._split_scope(nodeid)

    return DemoGroupScheduling(config, log)


def default_home_page():
    """The default site's HomePage, as migrations made it."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def home_page(db):
    return default_home_page()


@pytest.fixture
def page_cache(settings):
    """The page cache turned on (the test settings turn it off, so query
    budgets measure rendering)."""
    settings.PAGE_CACHE_SECONDS = 600


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
