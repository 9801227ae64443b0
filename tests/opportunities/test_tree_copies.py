"""Each opportunity keeps a copy of ``live`` and of the page it is under on its own
row, so the open ones are counted and listed without reading the page tree
(opportunities/models/tree_copies.py). Every way an editor, a scheduled run or
code publishes, unpublishes, copies or moves one shows at once in the home page's
count, on the board and in the directory's "N open"."""

import io
import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from opportunities.models import OpportunityIndexPage, OpportunityPage
from tests.opportunities.conftest import copy_in_admin, make_opportunity
from tests.opportunities.factories import OpportunityIndexPageFactory
from tests.opportunities.test_listing import listed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

SHOW_CLOSED = "show_closed=on"


def open_count_on_home(client):
    """The number in the home page's "See the N open opportunities" link (0 when
    it names none)."""
    html = client.get("/").content.decode()
    found = re.search(r"See the (\d+) open opportunit", html)
    return int(found.group(1)) if found else 0


def open_count_in_directory(client, partner):
    html = client.get(partner.get_parent().url).content.decode()
    card = html.split(partner.title, 1)[1]
    found = re.search(
        r"<strong>(\d+) open opportunit", card.split("partner-card__opportunities")[1]
    )
    return int(found.group(1)) if found else 0


@pytest.fixture
def two_open(board, partner):
    now = timezone.now()
    return [
        make_opportunity(board, title=title, partner=partner, closes_at=now + timedelta(days=days))
        for title, days in [("Ward rules talk", 3), ("Tenant panel", 10)]
    ]


@pytest.fixture
def visitor():
    """Someone not signed in, apart from the editor's client."""
    return Client()


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


def test_unpublishing_in_the_admin_takes_it_off_at_once(superuser_client, visitor, board, two_open):
    talk, _ = two_open
    assert open_count_on_home(visitor) == 2
    response = superuser_client.post(reverse("wagtailadmin_pages:unpublish", args=(talk.pk,)))
    assert response.status_code == 302
    assert open_count_on_home(visitor) == 1
    assert listed(visitor, board) == ["Tenant panel"]


def test_unpublishing_the_board_with_its_opportunities_takes_them_off(
    superuser_client, visitor, board, partner, two_open
):
    assert open_count_in_directory(visitor, partner) == 2
    response = superuser_client.post(
        reverse("wagtailadmin_pages:unpublish", args=(board.pk,)), {"include_descendants": "on"}
    )
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[page.pk for page in two_open], live=True).exists()
    assert open_count_in_directory(visitor, partner) == 0


def test_bulk_unpublishing_in_the_admin_takes_them_off(superuser_client, visitor, board, two_open):
    bulk = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "unpublish"))
    ids = "&".join(f"id={page.pk}" for page in two_open)
    response = superuser_client.post(f"{bulk}?{ids}", {"include_descendants": ""})
    assert response.status_code == 302
    assert not Page.objects.filter(pk__in=[page.pk for page in two_open], live=True).exists()
    assert open_count_on_home(visitor) == 0
    assert listed(visitor, board) == []


def test_expiring_on_schedule_takes_it_off(visitor, board, two_open):
    talk, _ = two_open
    talk.expire_at = timezone.now() - timedelta(minutes=1)
    talk.save_revision().publish()
    assert open_count_on_home(visitor) == 2
    call_command("publish_scheduled", stdout=io.StringIO())
    assert not Page.objects.get(pk=talk.pk).live
    assert open_count_on_home(visitor) == 1
    assert listed(visitor, board) == ["Tenant panel"]


def test_publishing_on_schedule_puts_a_draft_on(visitor, board, two_open):
    draft = make_opportunity(
        board, title="Carers forum", publish=False, closes_at=timezone.now() + timedelta(days=5)
    )
    assert open_count_on_home(visitor) == 2
    revision = draft.save_revision()
    revision.approved_go_live_at = timezone.now() - timedelta(minutes=1)
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    assert open_count_on_home(visitor) == 3
    assert listed(visitor, board) == ["Ward rules talk", "Carers forum", "Tenant panel"]


def test_publishing_an_older_revision_puts_it_back_on(superuser_client, visitor, board, two_open):
    talk, _ = two_open
    # Saved while the page was live: its copy of "live_copy" says so, and the
    # unpublished page's revision after it does not.
    older = talk.save_revision()
    superuser_client.post(reverse("wagtailadmin_pages:unpublish", args=(talk.pk,)))
    talk.refresh_from_db()
    talk.save_revision()
    assert open_count_on_home(visitor) == 1
    older.publish()
    assert open_count_on_home(visitor) == 2


def test_a_copy_stays_off_until_it_is_published(superuser_client, visitor, board, two_open):
    talk, _ = two_open
    copy_in_admin(superuser_client, talk, "Talk copy", "talk-copy", board)
    # A copy has no closing date (copying clears it), so only "show closed" would
    # list it; a draft copy is not listed at all, though it copies a live page.
    assert "Talk copy" not in listed(visitor, board, SHOW_CLOSED)
    assert open_count_on_home(visitor) == 2


def test_moving_between_boards_keeps_it_on(superuser_client, visitor, board, two_open, home_page):
    other = OpportunityIndexPageFactory(parent=home_page, title="Archive board", slug="archive")
    talk, _ = two_open
    response = superuser_client.post(
        reverse("wagtailadmin_pages:move_confirm", args=(talk.pk, other.pk))
    )
    assert response.status_code == 302
    assert listed(visitor, other) == ["Ward rules talk"]
    assert listed(visitor, board) == ["Tenant panel"]
    assert open_count_on_home(visitor) == 2


def test_the_migration_copies_live_for_existing_opportunities(visitor, board, two_open):
    make_opportunity(board, title="Draft", publish=False)
    OpportunityPage.objects.update(live_copy=False)  # as the column starts, before the copy
    assert open_count_on_home(visitor) == 0
    import_module("opportunities.migrations.0022_opportunity_live_copy").copy_live(apps, None)
    assert open_count_on_home(visitor) == 2
    assert not OpportunityPage.objects.get(title="Draft").live_copy


def counts_reading_the_page_tree(queries):
    """The opportunity counts among ``queries``, and those that read page rows."""
    counts = [
        query["sql"]
        for query in queries
        if "COUNT(" in query["sql"] and "opportunities_opportunitypage" in query["sql"]
    ]
    assert counts
    return [sql for sql in counts if "wagtailcore_page" in sql]


def test_the_home_page_counts_the_open_ones_without_reading_the_page_tree(visitor, two_open):
    with CaptureQueriesContext(connection) as queries:
        assert open_count_on_home(visitor) == 2
    assert counts_reading_the_page_tree(queries) == []


def test_the_filtered_board_counts_without_reading_the_page_tree(visitor, board, two_open):
    with CaptureQueriesContext(connection) as queries:
        assert listed(visitor, board, "format=in_person&sort=pay") == [
            "Ward rules talk",
            "Tenant panel",
        ]
    assert counts_reading_the_page_tree(queries) == []


def test_a_copy_to_another_board_is_listed_there(
    superuser_client, visitor, board, two_open, home_page
):
    other = OpportunityIndexPageFactory(parent=home_page, title="Archive board", slug="archive")
    talk, _ = two_open
    copy = copy_in_admin(superuser_client, talk, "Talk copy", "talk-copy", other)
    # Copying clears the closing date; the editor sets one and publishes.
    copy.closes_at = timezone.now() + timedelta(days=5)
    copy.save_revision().publish()
    assert listed(visitor, other) == ["Talk copy"]
    assert listed(visitor, board) == ["Ward rules talk", "Tenant panel"]


def test_moving_one_outside_the_board_in_code_takes_it_off(visitor, board, two_open, partner):
    # page.move() skips the page-type rules the admin keeps.
    talk, _ = two_open
    talk.move(partner.get_parent(), pos="last-child")
    assert listed(visitor, board) == ["Tenant panel"]


def test_moving_the_board_keeps_its_opportunities_on_it(visitor, board, two_open, partner):
    board.move(partner.get_parent(), pos="last-child")
    board = OpportunityIndexPage.objects.get(pk=board.pk)
    assert listed(visitor, board) == ["Ward rules talk", "Tenant panel"]


def test_the_migration_copies_each_ones_parent(visitor, board, two_open):
    OpportunityPage.objects.update(parent_copy=None)  # as the column starts
    assert listed(visitor, board) == []
    import_module("opportunities.migrations.0023_opportunity_parent_copy").copy_parent(apps, None)
    assert listed(visitor, board) == ["Ward rules talk", "Tenant panel"]
