"""The schema.org JobPosting on an opportunity's page: what Google's JobPosting
properties ask for (description as HTML, identifier, directApply, the
organisation's logo, validThrough, a unitText on every pay)."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.opportunities.conftest import make_opportunity
from tests.opportunities.test_detail_page import structured_data
from tests.partners.conftest import make_logo
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def job_posting(client, page):
    return structured_data(client.get(page.url).content.decode())


def test_full_description_identifier_direct_apply_and_the_partners_logo(client, board, home_page):
    partner = PartnerPageFactory(
        parent=PartnerIndexPageFactory(parent=home_page),
        title="Riverside & Co",
        website="https://riverside.example.org/",
        logo=make_logo("Riverside logo"),
        logo_alt_text="Riverside logo",
    )
    page = make_opportunity(
        board,
        title="Tenant panel",
        summary="Help us rewrite tenants' letters.",
        lived_experience_sought="Tenants & leaseholders.",
        body=[("rich_text", "<p>Four <b>evening</b> meetings.</p>")],
        partner=partner,
    )
    data = job_posting(client, page)
    assert data["description"].startswith(
        "<p>Help us rewrite tenants&#x27; letters.</p>"
        "<p>Who we are looking for: Tenants &amp; leaseholders.</p>"
    )
    assert "<p>Four <b>evening</b> meetings.</p>" in data["description"]
    assert data["description"].endswith("<p>Pay: £15 per hour, £30 in all</p>")
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Co-pro Network",
        "value": f"opportunity-{page.pk}",
    }
    assert data["directApply"] is True
    organisation = data["hiringOrganization"]
    assert organisation["name"] == "Riverside & Co"
    assert organisation["sameAs"] == "https://riverside.example.org/"
    assert organisation["logo"].startswith("http://testserver/media/images/")
    assert data["validThrough"] == timezone.localtime(page.closes_at).isoformat()
    assert data["datePosted"] <= data["validThrough"][:10]

    page.places_filled = True
    page.save_revision().publish()
    assert job_posting(client, page)["directApply"] is False


def test_run_by_the_organisation_it_names_the_site(client, board):
    organisation = job_posting(client, make_opportunity(board))["hiringOrganization"]
    assert organisation == {
        "@type": "Organization",
        "name": "Co-pro Network",
        "url": "http://testserver/",
    }


@pytest.mark.parametrize(
    "pay, expected",
    [
        ({"pay_amount": Decimal("20"), "pay_unit": "hour"}, (20.0, "HOUR")),
        ({"pay_amount": Decimal("110"), "pay_unit": "day"}, (110.0, "DAY")),
        (
            {"pay_amount": Decimal("30"), "pay_unit": "session", "hours_per_session": Decimal(2)},
            (15.0, "HOUR"),
        ),
        (
            {"pay_amount": Decimal("30"), "pay_unit": "session", "hours_per_session": None},
            (30.0, "DAY"),
        ),
        (
            {
                "pay_amount": Decimal("120"),
                "pay_unit": "fixed",
                "hours_per_session": Decimal(2),
                "number_of_sessions": 4,
            },
            (15.0, "HOUR"),
        ),
        # A fixed fee with no hours: spread over the six weeks it spans.
        (
            {
                "pay_amount": Decimal("200"),
                "pay_unit": "fixed",
                "hours_per_session": None,
                "number_of_sessions": None,
                "start_date": date(2031, 3, 3),
                "end_date": date(2031, 4, 13),
            },
            (33.33, "WEEK"),
        ),
        (
            {"pay_amount": Decimal("50"), "pay_unit": "fixed", "hours_per_session": None},
            (50.0, "WEEK"),
        ),
    ],
)
def test_every_pay_has_a_unit_search_engines_know(client, board, pay, expected):
    page = make_opportunity(board, closes_at=timezone.now() + timedelta(days=10), **pay)
    value = job_posting(client, page)["baseSalary"]["value"]
    assert (value["value"], value["unitText"]) == expected
