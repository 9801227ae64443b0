"""Searching the demo board as a community member would: the words people use
find what the pages call something else, on SQLite and on PostgreSQL."""

import html
import re

import pytest
from django.db import connection

from opportunities.models import OpportunityPage

pytestmark = pytest.mark.django_db


def titles_found(client, query):
    """The titles on every page of the board's results for ``query``."""
    found, page = [], 1
    while True:
        response = client.get(f"/opportunities/?{query}&page={page}")
        assert response.status_code == 200
        text = response.content.decode()
        found += [
            html.unescape(title)
            for title in re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', text)
        ]
        if f"page={page + 1}" not in text:
            return found
        page += 1


def test_wheelchair_finds_step_free_venues_through_the_synonym(client, demo_site):
    step_free = set(
        OpportunityPage.objects.live()
        .filter(access_support__name="Step-free venue")
        .values_list("title", flat=True)
    )
    assert len(step_free) >= 4
    # No demo page says "wheelchair": the seeded synonym finds "step-free".
    assert not OpportunityPage.objects.filter(summary__icontains="wheelchair").exists()
    assert set(titles_found(client, "q=wheelchair&show_closed=on")) == step_free
    # Every other word must still match: wheelchair AND food.
    both = set(titles_found(client, "q=wheelchair+food&show_closed=on"))
    assert both and both < step_free
    assert all(
        OpportunityPage.objects.get(title=title).access_support.filter(name="Food provided")
        for title in both
    )


def test_universal_credit_finds_what_the_benefit_notes_name(client, demo_site):
    named = {
        page.title
        for page in OpportunityPage.objects.live()
        if "Universal Credit" in {note.benefit for note in page.benefit_notes()}
    }
    found = set(titles_found(client, "q=universal+credit&show_closed=on"))
    assert found == named
    # Including pages whose own words never mention it.
    assert any(
        "universal credit" not in (page.summary + page.title + str(page.body)).lower()
        for page in OpportunityPage.objects.filter(title__in=found)
    )
    # "UC", the seeded synonym, finds the same.
    assert set(titles_found(client, "q=UC&show_closed=on")) == named


def test_salford_finds_the_opportunities_at_the_salford_venue(client, demo_site):
    assert sorted(titles_found(client, "q=salford&show_closed=on")) == [
        "Cost of living roundtable",
        "Volunteer peer supporters for our drop-in",
    ]


def test_a_typo_still_gets_somewhere(client, demo_site):
    manchester = set(
        OpportunityPage.objects.live()
        .filter(area__name="Greater Manchester")
        .values_list("title", flat=True)
    )
    text = client.get("/opportunities/?q=manchster&show_closed=on").content.decode()
    if connection.vendor == "postgresql":
        # Typo-tolerant (pg_trgm): the Manchester ones, said to be close matches.
        assert "Nothing matched “manchster” exactly, so these are close matches." in text
        assert manchester <= set(titles_found(client, "q=manchster&show_closed=on"))
    else:
        assert "No opportunities match." in text
        assert 'Did you mean <a href="?q=Manchester&amp;show_closed=on">Manchester</a>?' in text
        followed = set(titles_found(client, "q=Manchester&show_closed=on"))
        assert manchester <= followed
