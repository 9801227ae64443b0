"""The board, its feeds, an opportunity and the slots on partner pages run a fixed
number of queries, whether there are 5 opportunities or 50.

The module builds its world once (tests/module_data.py): 5 opportunities,
every page's query count at that size, then 45 more. Each test counts again
at 50 and compares. Building 50 opportunities for each test (205 in all) took
most of the module's minute.
"""

from datetime import time, timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities.models import OpportunityPage, OpportunitySession
from partners.models import PartnerIndexPage, PartnerPage
from tests.conftest import default_home_page
from tests.module_data import kept_for_the_module
from tests.opportunities.conftest import make_board, make_opportunity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

# The most queries each page may run, whatever the number of opportunities.
LISTING_BUDGET = 23  # ids of one page, then its cards; their dated sessions; the ladder page
# Its dated sessions, the ladder page (for "what the levels mean"), its share card.
DETAIL_BUDGET = 21
FEED_BUDGET = 16
# A keyword search on PostgreSQL first asks whether anything matches exactly
# (if nothing does, it shows close matches): one query more, at any size.
SEARCH_BUDGET = LISTING_BUDGET + (1 if connection.vendor == "postgresql" else 0)


def build(board, home_page, count):
    topics = [Topic.objects.create(name=f"Topic {n}") for n in range(3)]
    areas = [Area.objects.create(name=f"Area {n}") for n in range(3)]
    support = [AccessSupport.objects.create(name=f"Support {n}") for n in range(4)]
    rungs = [
        Rung.objects.create(
            level=n + 1, name=f"Rung {n}", short_description="A rung.", band="participation"
        )
        for n in range(3)
    ]
    index = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    partners = []
    for n in range(3):
        partner = PartnerPage(title=f"Partner {n}", slug=f"partner-{n}", summary="A partner.")
        index.add_child(instance=partner)
        partner.save_revision().publish()
        partners.append(partner)
    taxonomy = (topics, areas, support, rungs, partners)
    return add_opportunities(board, taxonomy, 0, count), taxonomy


def add_opportunities(board, taxonomy, start, stop):
    """Opportunities numbered start to stop - 1, varied in every way the board shows."""
    topics, areas, support, rungs, partners = taxonomy
    pages = []
    for n in range(start, stop):
        pages.append(
            make_opportunity(
                board,
                title=f"Opportunity number {n}",
                topics=topics[: 1 + n % 3],
                access_support=support[: 1 + n % 4],
                area=areas[n % 3],
                rung=rungs[n % 3],
                # One in four has no partner; of the first five, Partner 0 has
                # an open one and a closed one with an outcome.
                partner=partners[n % 3] if n % 4 != 2 else None,
                format=["in_person", "online", "hybrid", "phone"][n % 4],
                pay_amount=Decimal(12 + n % 10),
                closes_at=timezone.now() + timedelta(days=1 + n)
                if n % 5
                else timezone.now() - timedelta(days=n + 1),
                outcome="<p>Changed.</p>" if n % 5 == 0 else "",
                # Dated sessions, some with times and some without (read from the page).
                sessions=[
                    OpportunitySession(
                        date=timezone.localdate() + timedelta(days=7 * (week + 1)),
                        starts_at=time(10) if week % 2 else None,
                        ends_at=time(12, 30) if week % 2 else None,
                    )
                    for week in range(n % 3)
                ],
            )
        )
    return pages


def queries_for(client, path):
    client.get(path)  # the first request fills per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        assert response.status_code == 200
    return len(queries)


PATHS = [
    ("/opportunities/", LISTING_BUDGET),
    ("/opportunities/?topic=topic-1&access=support-0&sort=pay&show_closed=on", LISTING_BUDGET),
    ("/opportunities/?q=number&area=area-1&min_pay=13&rung=2", SEARCH_BUDGET),
    ("/opportunities/?partner=partner-1&page=2", LISTING_BUDGET),
    ("/opportunities/feed/rss/?topic=topic-0", FEED_BUDGET),
    ("/opportunities/feed/atom/", FEED_BUDGET),
    ("/opportunities/feed/closing-dates/?show_closed=on", FEED_BUDGET),
]
# Open and closed opportunities at both sizes, so the profile shows every slot.
PROFILE = "/partners/partner-0/"


def over_budget(counts):
    """Each path that ran more queries than its budget, with its count."""
    return {path: counts[path] for path, budget in PATHS if counts[path] > budget}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """Query counts with 5 opportunities, then the board grown to 50: the
    counts at 5, and the ids of the second and last opportunity at each size."""
    with kept_for_the_module(django_db_blocker):
        home_page = default_home_page()
        board = make_board(home_page)
        pages, taxonomy = build(board, home_page, 5)
        client = Client()
        few = {path: queries_for(client, path) for path, _ in PATHS}
        for path in (PROFILE, "/partners/", "/"):
            few[path] = queries_for(client, path)
        few_details = [queries_for(client, page.url) for page in (pages[1], pages[-1])]
        pages += add_opportunities(board, taxonomy, 5, 50)
        yield few, {5: few_details, 50: [pages[1].pk, pages[-1].pk]}


def test_listing_and_feeds_stay_within_budget_with_5_or_50_opportunities(client, built):
    few, _ = built
    assert over_budget(few) == {}
    many = {path: queries_for(client, path) for path, _ in PATHS}
    assert over_budget(many) == {}
    assert {path: few[path] for path, _ in PATHS} == many


@pytest.mark.parametrize("count", [5, 50])
def test_detail_page_stays_within_budget(client, built, count):
    _, details = built
    if count == 5:
        counts = details[5]  # counted before the board grew
    else:
        pages = OpportunityPage.objects.filter(pk__in=details[50])
        counts = [queries_for(client, page.url) for page in pages]
    assert len(counts) == 2
    assert all(count <= DETAIL_BUDGET for count in counts), counts


def test_partner_profile_and_directory_slots_do_not_grow(client, built):
    few, _ = built
    many = (queries_for(client, PROFILE), queries_for(client, "/partners/"))
    assert (few[PROFILE], few["/partners/"]) == many


def test_home_page_slot_does_not_grow(client, built):
    few, _ = built
    assert queries_for(client, "/") == few["/"]
