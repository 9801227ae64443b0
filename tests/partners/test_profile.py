"""A partner's public profile: what it shows, its structured data and its slots."""

import json
import re

import pytest
from wagtail import hooks

from partners.models import PartnerKind
from tests.partners.conftest import make_logo, make_partner

pytestmark = pytest.mark.django_db


def json_ld(html):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(found) == 1
    return json.loads(found[0])


@pytest.fixture
def partner(partner_index, sectors, areas):
    return make_partner(
        partner_index,
        "Brookmere NHS Trust",
        kind=PartnerKind.NHS,
        sector=sectors["health"],
        areas=[areas["merseyside"], areas["manchester"]],
        summary="Mental health wards and community teams.",
        logo=make_logo("Brookmere logo"),
        logo_alt_text="Brookmere NHS Trust logo",
        website="https://brookmere.example.org/",
        contact_email="involve@brookmere.example.org",
        contact_phone="0151 496 0000",
        working_with_us_since=2018,
        commitment="<p>People who used the wards help write the policies.</p>",
        quote="I used to be a patient there. Now I train the staff.",
        quote_attribution="Peer trainer",
    )


def test_profile_shows_the_partner(client, partner):
    html = client.get("/partners/brookmere-nhs-trust/").content.decode()
    assert "<h1>Brookmere NHS Trust</h1>" in html
    assert 'alt="Brookmere NHS Trust logo"' in html
    assert "<dd>NHS body</dd>" in html
    assert "<dd>Health and care</dd>" in html
    assert "<dd>Greater Manchester, Merseyside</dd>" in html
    assert "<dd>2018</dd>" in html
    assert 'href="mailto:involve@brookmere.example.org"' in html
    assert 'href="tel:01514960000"' in html
    assert "Our commitment to co-production" in html
    assert "I used to be a patient there. Now I train the staff." in html
    assert "<figcaption>Peer trainer</figcaption>" in html
    assert 'aria-label="Breadcrumb"' in html
    assert '<meta name="description" content="Mental health wards and community teams.">' in html


def test_optional_parts_are_left_out_when_empty(client, partner_index):
    make_partner(partner_index, "Plain Partner")
    html = client.get("/partners/plain-partner/").content.decode()
    assert "Our commitment to co-production" not in html
    assert "<blockquote>" not in html
    assert "Working with us since" not in html
    assert "<dt>Contact</dt>" not in html
    assert "<img" not in html.split("<main", 1)[1]


def test_structured_data_describes_the_organisation(client, partner):
    data = json_ld(client.get("/partners/brookmere-nhs-trust/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Organization"
    assert data["name"] == "Brookmere NHS Trust"
    assert data["description"] == "Mental health wards and community teams."
    assert data["url"] == "https://brookmere.example.org/"
    assert data["mainEntityOfPage"] == partner.get_full_url()
    assert data["mainEntityOfPage"].endswith("/partners/brookmere-nhs-trust/")
    assert data["logo"].startswith("http://testserver/media/images/")
    assert data["email"] == "involve@brookmere.example.org"
    assert data["telephone"] == "0151 496 0000"
    assert {place["name"] for place in data["areaServed"]} == {"Merseyside", "Greater Manchester"}


def test_structured_data_cannot_break_out_of_its_script(client, partner_index):
    make_partner(
        partner_index,
        "Evil </script><script>alert(1)</script> & Co",
        slug="evil",
        summary="<!-- sneaky --> </SCRIPT>",
    )
    html = client.get("/partners/evil/").content.decode()
    head = html.split("</head>", 1)[0]
    assert "alert(1)</script>" not in head
    assert "<!--" not in head
    data = json_ld(html)
    assert data["name"] == "Evil </script><script>alert(1)</script> & Co"
    assert data["description"] == "<!-- sneaky --> </SCRIPT>"


def test_slots_show_what_other_apps_provide(client, partner):
    def rung(context):
        return f'<p class="test-rung">Rung for {context["partner"].title}</p>'

    def opportunities(context):
        return f'<p class="test-opps">Opportunities with {context["page"].title}</p>'

    with (
        hooks.register_temporarily("slot:partner_profile_rung", rung),
        hooks.register_temporarily("slot:partner_profile_opportunities", opportunities),
    ):
        html = client.get("/partners/brookmere-nhs-trust/").content.decode()

    assert '<p class="test-rung">Rung for Brookmere NHS Trust</p>' in html
    assert '<p class="test-opps">Opportunities with Brookmere NHS Trust</p>' in html


def test_an_empty_slot_leaves_nothing_behind(client, partner):
    with hooks.register_temporarily("slot:partner_profile_rung", lambda context: ""):
        html = client.get("/partners/brookmere-nhs-trust/").content.decode()
    assert "test-rung" not in html
