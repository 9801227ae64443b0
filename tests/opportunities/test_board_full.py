"""The board lists the ones people can still join first, from each opportunity's
stored "full" flag: every way a place is taken or freed moves it at once."""

import io
from datetime import timedelta
from importlib import import_module

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from opportunities.choices import InterestStatus
from opportunities.models import ExpressionOfInterest, OpportunityPage
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest
from tests.opportunities.test_interest_admin import bulk_change
from tests.opportunities.test_listing import listed

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(board):
    """One place closing soon, and one with no set number closing later: the
    first comes first until its place is taken."""
    now = timezone.now()
    soon = make_opportunity(
        board, title="Ward rules talk", places=1, closes_at=now + timedelta(days=2)
    )
    make_opportunity(board, title="Tenant panel", closes_at=now + timedelta(days=20))
    return soon


AVAILABLE_FIRST = ["Ward rules talk", "Tenant panel"]
FULL_LAST = ["Tenant panel", "Ward rules talk"]


@pytest.fixture
def caseworker(client, django_user_model):
    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    return client


def test_a_bulk_selection_in_the_admin_takes_the_last_place(caseworker, board, pair):
    person, _ = make_interest(pair)
    assert listed(caseworker, board) == AVAILABLE_FIRST
    bulk_change(caseworker, [person], InterestStatus.SELECTED)
    assert listed(caseworker, board) == FULL_LAST
    bulk_change(caseworker, [person], InterestStatus.NOT_SELECTED)
    assert listed(caseworker, board) == AVAILABLE_FIRST


def test_editing_one_record_in_the_admin_takes_and_frees_the_place(caseworker, board, pair):
    person, _ = make_interest(pair)
    edit = reverse("expressions_of_interest:edit", args=(person.pk,))
    assert caseworker.post(edit, {"status": "selected", "editor_note": ""}).status_code == 302
    assert listed(caseworker, board) == FULL_LAST
    assert caseworker.post(edit, {"status": "contacted", "editor_note": ""}).status_code == 302
    assert listed(caseworker, board) == AVAILABLE_FIRST


def test_a_selected_person_withdrawing_by_their_link_frees_the_place(
    client, board, pair, django_capture_on_commit_callbacks
):
    person, token = make_interest(pair, status=InterestStatus.SELECTED)
    assert listed(client, board) == FULL_LAST
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{pair.url}interest/status/{token}/withdraw/")
    assert response.status_code == 303
    assert listed(client, board) == AVAILABLE_FIRST


def test_erasing_a_selected_person_frees_the_place(client, board, pair):
    make_interest(pair, status=InterestStatus.SELECTED, contact_email="rae@example.org")
    assert listed(client, board) == FULL_LAST
    call_command("personal_data_request", email="rae@example.org", erase=True, stdout=io.StringIO())
    assert not ExpressionOfInterest.objects.exists()
    assert listed(client, board) == AVAILABLE_FIRST


def test_an_editor_changing_the_number_of_places_moves_it(client, board, pair):
    make_interest(pair, status=InterestStatus.SELECTED)
    assert listed(client, board) == FULL_LAST
    draft = pair.get_latest_revision_as_object()
    draft.places = 2
    draft.save_revision()
    assert listed(client, board) == FULL_LAST  # a draft changes nothing on the board
    draft.save_revision().publish()
    assert listed(client, board) == AVAILABLE_FIRST


def test_publishing_an_older_revision_works_full_out_again(client, board, pair):
    older = pair.save_revision()
    older.publish()
    make_interest(pair, status=InterestStatus.SELECTED)
    assert listed(client, board) == FULL_LAST
    # The older revision was saved while the place was free.
    older.publish()
    assert listed(client, board) == FULL_LAST


def test_mark_places_filled_quick_action_moves_it_last(moderator_client, board, pair):
    url = reverse("opportunities_mark_filled", args=(pair.pk,))
    assert moderator_client.post(url).status_code == 302
    assert listed(moderator_client, board) == FULL_LAST


def test_the_migration_works_out_full_for_existing_opportunities(client, board, pair):
    make_interest(pair, status=InterestStatus.SELECTED)
    OpportunityPage.objects.update(full=False)  # as the column starts, before the backfill
    assert listed(client, board) == AVAILABLE_FIRST
    import_module("opportunities.migrations.0021_opportunity_full").work_out_full(apps, None)
    assert listed(client, board) == FULL_LAST
