"""The directory and profiles run the same number of queries for 3 partners as
for 30: cards never fetch their own sector or logo.

The ceilings include whatever other apps' slots add (an open-opportunities
count on each card, a rung on the profile), so they are set with room to
spare; the equality between 3 and 30 partners is the real rule.

The module builds its partners once (tests/module_data.py): 3, every page's
query count and cards at that size, then 27 more. Building 30 partners with
logos for each of five tests took most of the module's time.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from partners.models import PartnerKind
from tests.conftest import default_home_page
from tests.module_data import kept_for_the_module
from tests.partners.conftest import make_areas, make_logo, make_partner, make_sectors
from tests.partners.factories import PartnerIndexPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

QUERY_CEILING = 30
KINDS = list(PartnerKind.values)


def add_partners(partner_index, sectors, areas, start, stop):
    """Partners numbered start..stop-1, with logos, varied kinds, sectors and areas;
    every one matches "health" and most match each filter below."""
    sector_list, area_list = list(sectors.values()), list(areas.values())
    for number in range(start, stop):
        make_partner(
            partner_index,
            f"Partner {number:02d} health",
            kind=KINDS[number % 2],
            sector=sector_list[number % 2],
            areas=area_list[: 1 + number % len(area_list)],
            logo=make_logo(f"Logo {number}"),
            logo_alt_text=f"Partner {number} logo",
        )


def queries_for(client, url):
    client.get(url)  # make the logo renditions first: later visits reuse them
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


URLS = [
    "/partners/",
    "/partners/?q=health",
    "/partners/?sector=health&area=manchester&kind=council",
    "/partners/?q=health&area=manchester&page=2",
]
PROFILE = "/partners/partner-02-health/"
CARD = b'class="card partner-card"'


@pytest.fixture(scope="module")
def small(django_db_setup, django_db_blocker):
    """Each page's query count and cards and images with 3 partners; then
    the directory grown to 30."""
    with kept_for_the_module(django_db_blocker):
        index = PartnerIndexPageFactory(
            parent=default_home_page(), introduction="Who we work with."
        )
        sectors, areas = make_sectors(), make_areas()
        add_partners(index, sectors, areas, 0, 3)
        client, seen = Client(), {}
        for url in [*URLS, PROFILE]:
            count, response = queries_for(client, url)
            seen[url] = count, response.content.count(CARD), response.content.count(b"<img")
        add_partners(index, sectors, areas, 3, 30)
        yield seen


@pytest.mark.parametrize("url", URLS)
def test_directory_queries_are_the_same_for_3_and_30_partners(client, small, url):
    small_count, small_cards, small_images = small[url]
    large, large_response = queries_for(client, url)

    assert small_count == large
    assert large <= QUERY_CEILING
    # The large run really showed more cards (or a later page of them).
    assert large_response.content.count(CARD) >= min(3, small_cards)
    if "page=2" not in url:
        assert large_response.content.count(b"<img") > small_images


def test_profile_queries_are_the_same_for_3_and_30_partners(client, small):
    large, response = queries_for(client, PROFILE)

    assert small[PROFILE][0] == large
    assert large <= QUERY_CEILING
    assert b"Partner 2 logo" in response.content
