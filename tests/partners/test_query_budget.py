"""The directory and profiles run the same number of queries for 3 partners as
for 30: cards never fetch their own sector or logo.

The ceilings include whatever other apps' slots add (an open-opportunities
count on each card, a rung on the profile), so they are set with room to
spare; the equality between 3 and 30 partners is the real rule.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import PartnerKind
from tests.partners.conftest import make_logo, make_partner

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


@pytest.mark.parametrize(
    "url",
    [
        "/partners/",
        "/partners/?q=health",
        "/partners/?sector=health&area=manchester&kind=council",
        "/partners/?q=health&area=manchester&page=2",
    ],
)
def test_directory_queries_are_the_same_for_3_and_30_partners(
    client, partner_index, sectors, areas, url
):
    add_partners(partner_index, sectors, areas, 0, 3)
    small, small_response = queries_for(client, url)
    add_partners(partner_index, sectors, areas, 3, 30)
    large, large_response = queries_for(client, url)

    assert small == large
    assert large <= QUERY_CEILING
    # The large run really showed more cards (or a later page of them).
    assert large_response.content.count(b'class="card partner-card"') >= min(
        3, small_response.content.count(b'class="card partner-card"')
    )
    if "page=2" not in url:
        assert large_response.content.count(b"<img") > small_response.content.count(b"<img")


def test_profile_queries_are_the_same_for_3_and_30_partners(client, partner_index, sectors, areas):
    add_partners(partner_index, sectors, areas, 0, 3)
    url = "/partners/partner-02-health/"
    small, _ = queries_for(client, url)
    add_partners(partner_index, sectors, areas, 3, 30)
    large, response = queries_for(client, url)

    assert small == large
    assert large <= QUERY_CEILING
    assert b"Partner 2 logo" in response.content
