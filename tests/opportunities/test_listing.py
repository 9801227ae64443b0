"""The board: each filter, sort and the search narrow it correctly, alone and
together; bad values are ignored; the feeds hold exactly what is listed."""

import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from decimal import Decimal

import icalendar
import pytest
from django.utils import timezone

from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities.choices import InterestStatus
from opportunities.models import OpportunityIndexPage, OpportunityPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.conftest import default_home_page
from tests.module_data import kept_for_the_module
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.usefixtures("search_index")

ATOM = "{http://www.w3.org/2005/Atom}"


def listed(client, board, query=""):
    """Titles on the board, in order, for a query string."""
    response = client.get(f"{board.url}?{query}" if query else board.url)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a></h3>', html)


def rss_titles(client, board, query=""):
    response = client.get(f"{board.url}feed/rss/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(client, board, query=""):
    response = client.get(f"{board.url}feed/atom/?{query}")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in root.findall(f"{ATOM}entry")]


def ical_titles(client, board, query=""):
    response = client.get(f"{board.url}feed/closing-dates/?{query}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return [str(event["summary"]).removeprefix("Closing: ") for event in calendar.walk("VEVENT")]


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The board and its world, built once for the module (tests/module_data.py):
    the board's id and each opportunity's."""
    with kept_for_the_module(django_db_blocker):
        home_page = default_home_page()
        board = make_board(home_page)
        pages = build_world(board, home_page)
        yield board.pk, {name: page.pk for name, page in pages.items()}


@pytest.fixture
def board(db, built_world):
    return OpportunityIndexPage.objects.get(pk=built_world[0])


@pytest.fixture
def world(board, built_world):
    """A small board where each opportunity differs in one way that matters."""
    return {name: OpportunityPage.objects.get(pk=pk) for name, pk in built_world[1].items()}


def build_world(board, home_page):
    now = timezone.now()
    housing = Topic.objects.create(name="Housing")
    health = Topic.objects.create(name="Mental health")
    manchester = Area.objects.create(name="Greater Manchester")
    leeds = Area.objects.create(name="West Yorkshire")
    bsl = AccessSupport.objects.create(name="BSL interpreter")
    step_free = AccessSupport.objects.create(name="Step-free venue")
    consulted = Rung.objects.create(
        level=3, name="Consulted", short_description="Asked.", band="tokenism"
    )
    shared = Rung.objects.create(
        level=6, name="Shared decisions", short_description="Decide together.", band="shared_power"
    )
    partners = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=partners)
    council = PartnerPage(title="Castlebrook Council", slug="castlebrook", summary="A council.")
    partners.add_child(instance=council)
    council.save_revision().publish()

    pages = {
        "tenant": make_opportunity(
            board,
            title="Tenant panel",
            summary="Check how repairs to council homes are handled.",
            topics=[housing],
            access_support=[bsl, step_free],
            area=manchester,
            format="in_person",
            closes_at=now + timedelta(days=3),
            pay_amount=Decimal("20"),
            rung=shared,
            partner=council,
        ),
        "ward": make_opportunity(
            board,
            title="Ward rules talk",
            summary="A phone talk about mental health wards.",
            topics=[health],
            format="phone",
            closes_at=now + timedelta(days=10),
            pay_amount=Decimal("12"),
            rung=consulted,
        ),
        "leeds": make_opportunity(
            board,
            title="Leeds hostel review",
            summary="Review hostel rules for homeless people.",
            topics=[housing, health],
            access_support=[step_free],
            area=leeds,
            format="hybrid",
            closes_at=now + timedelta(days=20),
            pay_amount=Decimal("45"),
            pay_unit="session",
            hours_per_session=Decimal("3"),
            rung=shared,
        ),
        "guide": make_opportunity(
            board,
            title="Leaving care guide",
            summary="Write a guide, hours to suit you.",
            topics=[health],
            format="online",
            closes_at=now + timedelta(days=40),
            pay_amount=Decimal("200"),
            pay_unit="fixed",
            hours_per_session=None,
            number_of_sessions=None,
        ),
        "closed_outcome": make_opportunity(
            board,
            title="Old letters review",
            summary="Rewrite housing letters.",
            topics=[housing],
            area=manchester,
            closes_at=now - timedelta(days=30),
            outcome="<p>The letters changed.</p>",
        ),
        "closed_plain": make_opportunity(
            board,
            title="Old survey",
            summary="A survey on housing.",
            topics=[housing],
            closes_at=now - timedelta(days=5),
        ),
    }
    # A draft never shows.
    make_opportunity(board, title="Draft idea", publish=False)
    return pages


@pytest.mark.django_db
def test_default_lists_open_ones_soonest_closing_first_with_a_count(client, board, world):
    response = client.get(board.url)
    html = response.content.decode()
    assert listed(client, board) == [
        "Tenant panel",
        "Ward rules talk",
        "Leeds hostel review",
        "Leaving care guide",
    ]
    assert "4 open opportunities" in html
    assert "Closing soon" in html  # the tenant panel closes in 3 days
    assert "£20 per hour, £40 in all" in html  # one-line pay on the card
    assert "£45 per session (about £15 an hour)" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("topic=housing", ["Tenant panel", "Leeds hostel review"]),
        ("topic=mental-health", ["Ward rules talk", "Leeds hostel review", "Leaving care guide"]),
        ("format=phone", ["Ward rules talk"]),
        ("format=hybrid", ["Leeds hostel review"]),
        # Online and phone work matches every area.
        (
            "area=greater-manchester",
            ["Tenant panel", "Ward rules talk", "Leaving care guide"],
        ),
        ("area=west-yorkshire", ["Ward rules talk", "Leeds hostel review", "Leaving care guide"]),
        ("access=step-free-venue", ["Tenant panel", "Leeds hostel review"]),
        ("access=step-free-venue&access=bsl-interpreter", ["Tenant panel"]),
        # Unknown hours (the fixed fee with no hours) are left out of a minimum.
        ("min_pay=15", ["Tenant panel", "Leeds hostel review"]),
        ("min_pay=%C2%A315.01", ["Tenant panel"]),
        ("min_pay=0", ["Tenant panel", "Ward rules talk", "Leeds hostel review"]),
        ("rung=6", ["Tenant panel", "Leeds hostel review"]),
        # The lowest rung filters nothing, so it is not offered and is ignored.
        (
            "rung=3",
            ["Tenant panel", "Ward rules talk", "Leeds hostel review", "Leaving care guide"],
        ),
        ("closing_soon=on", ["Tenant panel"]),
        (
            "show_closed=on",
            [
                "Tenant panel",
                "Ward rules talk",
                "Leeds hostel review",
                "Leaving care guide",
                "Old letters review",
                "Old survey",
            ],
        ),
        ("what_changed=on", ["Old letters review"]),
        ("partner=castlebrook", ["Tenant panel"]),
        ("q=hostel", ["Leeds hostel review"]),
        ("q=homeless+hostel", ["Leeds hostel review"]),
        ("q=letters", []),  # closed ones stay out of a search unless asked for
        ("q=letters&show_closed=on", ["Old letters review"]),
        (
            "sort=newest",
            ["Leaving care guide", "Leeds hostel review", "Ward rules talk", "Tenant panel"],
        ),
        (
            "sort=pay",
            ["Tenant panel", "Leeds hostel review", "Ward rules talk", "Leaving care guide"],
        ),
        # Combined
        ("topic=housing&access=step-free-venue&area=west-yorkshire", ["Leeds hostel review"]),
        ("topic=mental-health&sort=pay&min_pay=12", ["Leeds hostel review", "Ward rules talk"]),
        ("q=rules&format=phone&rung=6", []),
        (
            "show_closed=on&topic=housing&sort=pay",
            ["Tenant panel", "Leeds hostel review", "Old letters review", "Old survey"],
        ),
    ],
)
@pytest.mark.django_db
def test_filters_sorts_and_search(client, board, world, query, expected):
    assert listed(client, board, query) == expected


@pytest.mark.django_db
def test_feeds_hold_exactly_the_listed_items(client, board, world):
    for query in [
        "",
        "topic=housing",
        "area=greater-manchester&sort=pay",
        "q=hostel",
        "what_changed=on",
        "access=step-free-venue&min_pay=15",
    ]:
        expected = listed(client, board, query)
        assert rss_titles(client, board, query) == expected, query
        assert atom_titles(client, board, query) == expected, query
        assert ical_titles(client, board, query) == expected, query


@pytest.mark.django_db
def test_ical_events_are_at_the_closing_times(client, board, world):
    response = client.get(f"{board.url}feed/closing-dates/")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    tenant = world["tenant"]
    event = events["Closing: Tenant panel"]
    assert event.decoded("dtstart") == tenant.closes_at.replace(microsecond=0)
    assert str(event["url"]).endswith(tenant.url)
    assert "£20 per hour" in str(event["description"])
    assert len({str(event["uid"]) for event in events.values()}) == len(events)


@pytest.mark.django_db
def test_listing_links_its_feeds_with_the_same_filters(client, board, world):
    html = client.get(f"{board.url}?topic=housing&sort=pay").content.decode()
    assert 'href="/opportunities/feed/rss/?topic=housing&amp;sort=pay"' in html
    assert 'href="/opportunities/feed/atom/?topic=housing&amp;sort=pay"' in html
    assert 'href="/opportunities/feed/closing-dates/?topic=housing&amp;sort=pay"' in html
    assert 'type="application/rss+xml"' in html


@pytest.mark.django_db
def test_empty_state_says_what_to_do(client, board, world):
    html = client.get(f"{board.url}?q=nothingmatchesthis").content.decode()
    assert "0 open opportunities found" in html
    assert "No opportunities match." in html
    assert "See every open opportunity" in html


@pytest.mark.django_db
def test_pagination_keeps_the_filters(client, board, world):
    health = Topic.objects.get(slug="mental-health")
    for number in range(13):
        make_opportunity(board, title=f"Extra {number:02d}", topics=[health], format="online")
    first = client.get(f"{board.url}?topic=mental-health").content.decode()
    assert "16 open opportunities found" in first
    assert "Page 1 of 2" in first
    assert 'href="?topic=mental-health&amp;page=2" rel="next"' in first
    second = listed(client, board, "topic=mental-health&page=2")
    assert len(second) == 4
    assert listed(client, board, "topic=mental-health&page=99") == second


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=99999999999999999999",
        "topic=no-such-topic",
        "area=%00",
        "area=999999",
        "format=teleport",
        "rung=abc",
        "rung=99",
        "min_pay=lots",
        "min_pay=NaN",
        "min_pay=1e999",
        "min_pay=-5",
        "sort=%00",
        "sort=cheapest",
        "access=nope",
        "q=%ff%fe",
        "q=%22",
        "q=*",
        "q=NOT",
        "q=hostel+OR+%22",
        "q=-",
        "q=(rules",
        "q=%5E%3A",
        "q=" + "x" * 500,
        "partner=%00",
        "closing_soon=maybe",
        "topic[]=1&topic[]=2",
    ],
)
@pytest.mark.django_db
def test_bad_values_are_ignored_never_a_server_error(client, board, world, query):
    response = client.get(f"{board.url}?{query}")
    assert response.status_code == 200
    for feed in ("feed/rss/", "feed/atom/", "feed/closing-dates/"):
        assert client.get(f"{board.url}{feed}?{query}").status_code == 200


@pytest.mark.django_db
def test_a_bad_value_drops_only_that_filter(client, board, world):
    assert listed(client, board, "topic=housing&rung=abc&format=teleport") == [
        "Tenant panel",
        "Leeds hostel review",
    ]
    # One unknown access choice keeps the known one.
    assert listed(client, board, "access=nope&access=bsl-interpreter") == ["Tenant panel"]
    html = client.get(f"{board.url}?min_pay=lots").content.decode()
    assert "Enter an amount in pounds, like 13.45." in html
    assert 'value="lots"' in html  # what was typed is kept
    assert 'aria-describedby="id_min_pay-error id_min_pay_helptext"' in html
    assert 'aria-invalid="true"' in html
    assert '<span class="error-message" id="id_min_pay-error">' in html


@pytest.mark.django_db
def test_the_form_is_a_plain_get_form_that_shows_the_choices_made(client, board, world):
    html = client.get(f"{board.url}?topic=housing&closing_soon=on&sort=pay").content.decode()
    assert re.search(
        r'<form class="opportunity-filters" method="get" '
        r'action="/opportunities/#opportunity-results-heading"',
        html,
    )
    assert '<option value="housing" selected>Housing</option>' in html
    assert re.search(r'name="closing_soon"[^>]*checked', html)
    assert '<option value="pay" selected>' in html
    assert "Clear search and filters" in html


@pytest.mark.django_db
def test_search_finds_topic_partner_and_area_names(client, board, world):
    assert listed(client, board, "q=castlebrook") == ["Tenant panel"]
    assert listed(client, board, "q=yorkshire") == ["Leeds hostel review"]
    # Closing soonest chosen: with keywords alone the best matches come first.
    assert listed(client, board, "q=mental+health&sort=closing") == [
        "Ward rules talk",
        "Leeds hostel review",
        "Leaving care guide",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["closing", "newest", "pay"])
def test_open_ones_come_before_filled_ones_in_every_sort(client, board, world, sort):
    world["tenant"].places_filled = True
    world["tenant"].save_revision().publish()
    names = listed(client, board, f"sort={sort}")
    assert names[-1] == "Tenant panel"
    assert len(names) == 4


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["closing", "pay"])
def test_one_whose_places_are_all_taken_by_selected_people_comes_last(client, board, world, sort):
    world["tenant"].places = 2
    world["tenant"].save_revision().publish()
    make_interest(world["tenant"], status=InterestStatus.SELECTED)
    make_interest(world["tenant"], status=InterestStatus.NEW)
    assert listed(client, board, f"sort={sort}")[-1] != "Tenant panel"  # one place left

    make_interest(world["tenant"], status=InterestStatus.SELECTED)
    names = listed(client, board, f"sort={sort}")
    assert names[-1] == "Tenant panel"
    assert len(names) == 4


@pytest.mark.django_db
def test_filter_control_counts_the_choices_and_cards_show_support_and_say(client, board, world):
    html = client.get(
        f"{board.url}?area=greater-manchester&access=bsl-interpreter&access=step-free-venue&sort=pay"
    ).content.decode()
    assert "Filter results (3 chosen)</summary>" in html
    assert '<option value="3">' not in html  # the lowest rung is not offered
    assert '<option value="6">Shared decisions, or more say</option>' in html
    assert "<dt>Access support</dt><dd>BSL interpreter, Step-free venue</dd>" in html
    assert "Decide together." in html  # the card's rung reads as a sentence
