"""This app's parts of other apps' pages: the partner profile, the directory
cards and the home page."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from tests.opportunities.conftest import make_opportunity


@pytest.fixture
def partners(home_page):
    index = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    made = []
    for slug, name in [("castlebrook", "Castlebrook Council"), ("hearthway", "Hearthway Homes")]:
        partner = PartnerPage(title=name, slug=slug, summary="A partner.")
        index.add_child(instance=partner)
        partner.save_revision().publish()
        made.append(partner)
    return made


@pytest.mark.django_db
def test_partner_profile_lists_open_and_past_opportunities_with_outcomes(client, board, partners):
    castlebrook, hearthway = partners
    now = timezone.now()
    make_opportunity(board, title="Hardship fund panel", partner=castlebrook)
    make_opportunity(
        board,
        title="Old letters review",
        partner=castlebrook,
        closes_at=now - timedelta(days=40),
        outcome="<p>Letters were rewritten.</p>",
    )
    make_opportunity(
        board, title="Old survey", partner=castlebrook, closes_at=now - timedelta(days=4)
    )
    make_opportunity(board, title="Someone else's panel", partner=hearthway)
    make_opportunity(board, title="A draft", partner=castlebrook, publish=False)

    html = client.get(castlebrook.url).content.decode()

    assert "Paid opportunities with Castlebrook Council" in html
    assert "Hardship fund panel" in html
    assert "Past opportunities and what changed" in html
    assert "Old letters review" in html and "Letters were rewritten." in html
    assert "Old survey" in html and "We will share what changed when we know." in html
    assert "Someone else&#x27;s panel" not in html
    assert "A draft" not in html
    assert 'href="/opportunities/?partner=castlebrook"' in html


@pytest.mark.django_db
def test_a_profile_shows_the_six_closing_soonest_and_links_to_the_rest(client, board, partners):
    castlebrook = partners[0]
    now = timezone.now()
    for day in range(1, 9):
        make_opportunity(
            board, title=f"Panel closing in {day} days", partner=castlebrook,
            closes_at=now + timedelta(days=day),
        )  # fmt: skip

    html = client.get(castlebrook.url).content.decode()

    shown = [day for day in range(1, 9) if f"Panel closing in {day} days" in html]
    assert shown == [1, 2, 3, 4, 5, 6]
    assert "These are the 6 closing soonest of 8 open now." in html
    assert (
        '<a href="/opportunities/?partner=castlebrook">'
        "See all 8 open opportunities with Castlebrook Council</a>"
    ) in html


@pytest.mark.django_db
def test_partner_profile_without_opportunities_says_so(client, board, partners):
    html = client.get(partners[1].url).content.decode()
    assert "Nothing open with Hearthway Homes right now." in html


@pytest.mark.django_db
def test_directory_cards_show_open_counts(client, board, partners):
    castlebrook, hearthway = partners
    make_opportunity(board, partner=castlebrook)
    make_opportunity(board, partner=castlebrook)
    make_opportunity(board, partner=castlebrook, closes_at=timezone.now() - timedelta(days=1))
    html = client.get("/partners/").content.decode()
    assert "<strong>2 open opportunities</strong>" in html
    assert "No open opportunities right now" in html


@pytest.mark.django_db
def test_home_page_features_a_few_open_opportunities_under_its_heading(client, board):
    home = HomePage.objects.get()
    home.featured_heading = "Open now, and paid"
    home.save_revision().publish()
    now = timezone.now()
    for days in (9, 2, 5, 20):
        make_opportunity(
            board, title=f"Closes in {days} days", closes_at=now + timedelta(days=days)
        )
    make_opportunity(board, title="Full up", closes_at=now + timedelta(days=1), places_filled=True)
    make_opportunity(board, title="Closed one", closes_at=now - timedelta(days=1))

    html = client.get("/").content.decode()

    assert "Open now, and paid" in html
    featured = ["Closes in 2 days", "Closes in 5 days", "Closes in 9 days"]
    positions = [html.index(title) for title in featured]
    assert positions == sorted(positions)
    assert "Closes in 20 days" not in html
    assert "Full up" not in html and "Closed one" not in html
    assert "See all paid opportunities" in html


@pytest.mark.django_db
def test_home_page_has_no_featured_section_when_nothing_is_open(client, board):
    assert "home-featured" not in client.get("/").content.decode()
