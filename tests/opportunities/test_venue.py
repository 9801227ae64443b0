"""A structured venue: name, street, town, postcode, and "keep the address
private" — then the street and postcode are in no public response, only on
the private status page of the people selected."""

import pytest
from django.utils import timezone

from opportunities.models import OpportunityPage
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest
from tests.opportunities.test_detail_page import structured_data
from tests.opportunities.test_pages_and_admin import add_url, opportunity_form
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

STREET, POSTCODE = "3 Salt Street", "BD1 4SW"


@pytest.fixture
def refuge_group(board, home_page):
    runner = PartnerPageFactory(parent=PartnerIndexPageFactory(parent=home_page), title="Haven")
    return make_opportunity(
        board,
        title="Survivors' group",
        slug="survivors-group",
        partner=runner,
        format="in_person",
        venue_name="Women's Centre",
        venue_street=STREET,
        venue_town="Bradford",
        venue_postcode=POSTCODE,
        venue_address_private=True,
    )


def test_the_editor_gets_the_postcode_tidied_or_a_message_beside_it(
    moderator_client,
    board,
    taxonomy,
    partner,  # noqa: F811
):
    response = moderator_client.post(
        add_url(board), opportunity_form(taxonomy, partner, venue_postcode="12345")
    )
    assert response.status_code == 200
    assert "Enter a UK postcode, for example &#x27;M3 5FS&#x27;." in response.content.decode()
    assert 'value="12345"' in response.content.decode()
    assert not OpportunityPage.objects.filter(slug="tenant-panel").exists()

    response = moderator_client.post(
        add_url(board),
        opportunity_form(
            taxonomy, partner, venue_street="", venue_postcode="", venue_address_private="on"
        ),
    )
    assert "There is no street or postcode to keep private" in response.content.decode()
    assert not OpportunityPage.objects.filter(slug="tenant-panel").exists()

    response = moderator_client.post(add_url(board), opportunity_form(taxonomy, partner))
    assert response.status_code == 302
    page = OpportunityPage.objects.get(slug="tenant-panel")
    assert (page.venue_name, page.venue_street, page.venue_town, page.venue_postcode) == (
        "Town Hall",
        "Market Street",
        "Castlebrook",
        "CB4 1TH",
    )


def test_a_public_address_is_on_the_page_and_in_the_job_posting(client, board):
    page = make_opportunity(
        board,
        format="in_person",
        venue_name="Castlebrook Town Hall",
        venue_street="Market Street",
        venue_town="Castlebrook",
        venue_postcode="CB4 1TH",
    )
    html = client.get(page.url).content.decode()
    assert "In person: Castlebrook Town Hall, Market Street, Castlebrook, CB4 1TH" in html
    assert structured_data(html)["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "addressLocality": "Castlebrook",
        "streetAddress": "Market Street",
        "postalCode": "CB4 1TH",
    }


def test_a_private_address_is_in_no_public_response(client, board, refuge_group):
    page = refuge_group
    html = client.get(page.url).content.decode()
    assert "In person: Women&#x27;s Centre, Bradford" in html
    assert structured_data(html)["jobLocation"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "GB",
        "addressLocality": "Bradford",
    }
    public = [
        page.url,
        board.url,
        f"{board.url}?q=survivors",
        f"{board.url}feed/rss/",
        f"{board.url}feed/atom/",
        f"{board.url}feed/closing-dates/",
        page.partner.url,
        "/sitemap.xml",
        "/",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "Salt Street" not in body, url
        assert POSTCODE not in body and "BD1" not in body, url
    # The street is not searchable either: searching it finds nothing.
    assert "Survivors" in client.get(f"{board.url}?q=survivors").content.decode()
    assert "Survivors" not in client.get(f"{board.url}?q=Salt+Street").content.decode()


def test_only_the_people_selected_see_the_address(client, refuge_group):
    record, token = make_interest(refuge_group)
    status_page = f"{refuge_group.url}interest/status/{token}/"
    assert STREET not in client.get(status_page).content.decode()

    record.status = "selected"
    record.status_changed_at = timezone.now()
    record.save()
    html = client.get(status_page).content.decode()
    assert f"Where: Women&#x27;s Centre, {STREET}, Bradford, {POSTCODE}" in html
