"""Mark places filled and close now: one step from the admin listing, for those who
may publish, changing the live page and its revisions together, in its history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from opportunities.choices import CLOSE_EARLY_LOG, PLACES_FILLED_LOG
from opportunities.models import OpportunityPage
from tests.opportunities.conftest import make_opportunity

pytestmark = pytest.mark.django_db


def action_url(name, page):
    return reverse(f"opportunities_{name}", args=(page.pk,))


def test_listing_offers_both_actions_to_a_moderator_only(client, editor, moderator, board):
    page = make_opportunity(board, title="Tenant panel")
    explore = reverse("wagtailadmin_explore", args=(board.pk,))

    client.force_login(moderator)
    html = client.get(explore).content.decode()
    assert action_url("mark_filled", page) in html
    assert action_url("close_now", page) in html

    client.force_login(editor)
    html = client.get(explore).content.decode()
    assert action_url("mark_filled", page) not in html
    assert action_url("close_now", page) not in html
    # Nor may an Editor use the URLs directly.
    assert client.get(action_url("close_now", page)).status_code in (302, 403)
    assert client.post(action_url("close_now", page)).status_code in (302, 403)
    page.refresh_from_db()
    assert page.is_open


def test_closed_or_filled_pages_do_not_offer_them(moderator_client, board):
    closed = make_opportunity(board, closes_at=timezone.now() - timedelta(days=1))
    filled = make_opportunity(board, places_filled=True)
    html = moderator_client.get(reverse("wagtailadmin_explore", args=(board.pk,))).content.decode()
    assert action_url("close_now", closed) not in html
    assert action_url("mark_filled", closed) not in html
    assert action_url("mark_filled", filled) not in html
    assert action_url("close_now", filled) in html


def test_mark_places_filled_changes_live_page_and_draft_and_logs_it(moderator_client, board):
    page = make_opportunity(board, title="Tenant panel")
    # An unpublished draft waiting with a new summary keeps it, and gets the change too.
    draft = page.get_latest_revision_as_object()
    draft.summary = "A changed summary, not yet published."
    draft.save_revision()

    confirm = moderator_client.get(action_url("mark_filled", page))
    assert confirm.status_code == 200
    assert "Mark every place on this opportunity as filled?" in confirm.content.decode()

    response = moderator_client.post(action_url("mark_filled", page))

    assert response.status_code == 302
    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.places_filled and page.live
    assert page.has_unpublished_changes
    assert page.live_revision.as_object().places_filled
    latest = page.get_latest_revision_as_object()
    assert latest.places_filled
    assert latest.summary == "A changed summary, not yet published."
    public = moderator_client.get(page.url).content.decode()
    assert "All places are filled." in public

    entry = PageLogEntry.objects.get(page=page, action=PLACES_FILLED_LOG)
    assert entry.user.username == "moderator"
    history = moderator_client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert "Places marked filled" in history.content.decode()

    # Publishing the waiting draft does not undo it.
    page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.places_filled
    assert page.summary == "A changed summary, not yet published."


def test_close_now_takes_it_off_the_board_and_logs_it(moderator_client, board):
    page = make_opportunity(board, title="Tenant panel")
    before = timezone.now()
    next_url = reverse("wagtailadmin_explore", args=(board.pk,))

    response = moderator_client.post(action_url("close_now", page), {"next": next_url})

    assert response.status_code == 302
    assert response["Location"] == next_url
    page = OpportunityPage.objects.get(pk=page.pk)
    assert before <= page.closes_at <= timezone.now()
    assert not page.is_open
    assert page.get_latest_revision_as_object().closes_at == page.closes_at
    assert "Tenant panel" not in moderator_client.get(board.url).content.decode()
    assert "Closed" in moderator_client.get(page.url).content.decode()
    entry = PageLogEntry.objects.get(page=page, action=CLOSE_EARLY_LOG)
    assert entry.data["before"]["closes_at"] != entry.data["after"]["closes_at"]
    history = moderator_client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    assert "Closed early" in history.content.decode()

    # Asking again changes nothing and says why.
    again = moderator_client.post(action_url("close_now", page), follow=True)
    assert "already closed" in again.content.decode()
    assert PageLogEntry.objects.filter(page=page, action=CLOSE_EARLY_LOG).count() == 1


def test_an_outside_next_address_is_ignored(moderator_client, board):
    page = make_opportunity(board)
    response = moderator_client.post(
        action_url("mark_filled", page), {"next": "https://evil.example.com/"}
    )
    assert response["Location"] == reverse("wagtailadmin_explore", args=(board.pk,))
