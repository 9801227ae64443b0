"""What search engines, browsers and link previews read (home/page_meta.py,
home/site_files.py): robots.txt, the icons and manifest, and on every public
page type a description, a canonical link and a share card."""

import json
import re
from html import unescape

import pytest
from django.contrib.staticfiles import finders
from wagtail.models import Page

from home.models import StandardPage
from tests.ladder.conftest import pages, questionnaire, rungs  # noqa: F401
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest
from tests.partners.conftest import make_logo
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

SITE = "http://testserver"

pytestmark = pytest.mark.django_db


def head_tags(html):
    """{name or property: content} of the <meta> tags, and the canonical link, in <head>."""
    head = html.split("</head>")[0]
    tags = {
        key: unescape(content)
        for key, content in re.findall(r'<meta (?:name|property)="([^"]+)" content="([^"]*)"', head)
    }
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
    if canonical:
        tags["canonical"] = canonical[0]
    return tags


@pytest.fixture
def every_page_type(home_page, pages):  # noqa: F811
    about = home_page.add_child(
        instance=StandardPage(title="Our principles", slug="principles", introduction="")
    )
    about.search_description = "What we believe about co-production."
    about.save_revision().publish()
    partners = PartnerIndexPageFactory(parent=home_page, introduction="Who we work with.")
    partner = PartnerPageFactory(
        parent=partners,
        title="Riverside Housing",
        summary="A housing association in Salford.",
        logo=make_logo("Riverside logo"),
        logo_alt_text="Riverside Housing logo",
    )
    board = make_board(home_page)
    opportunity = make_opportunity(
        board, title="Tenant panel", summary="Help us rewrite tenants' letters.", partner=partner
    )
    ladder, assessment = pages
    return {
        "home": Page.objects.get(pk=home_page.pk).specific,
        "standard": about,
        "board": board,
        "opportunity": opportunity,
        "partners": partners,
        "partner": partner,
        "ladder": ladder,
        "self-assessment": assessment,
    }


def test_robots_txt_names_the_sitemap_and_no_private_path(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = response.content.decode()
    assert text == f"User-agent: *\nAllow: /\n\nSitemap: {SITE}/sitemap.xml\n"


def test_icons_and_manifest(client, home_page):
    for address, name in [
        ("/favicon.ico", "icons/favicon.ico"),
        ("/apple-touch-icon.png", "icons/apple-touch-icon.png"),
    ]:
        response = client.get(address)
        assert response.status_code == 301
        assert response["Location"] == f"/static/{name}"
        assert finders.find(name)

    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Co-pro Network"
    assert manifest["start_url"] == "/"
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon

    html = client.get("/").content.decode()
    assert '<link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/icons/apple-touch-icon.png">' in html
    assert '<link rel="manifest" href="/manifest.webmanifest">' in html


def test_every_public_page_type_has_a_description_canonical_and_share_card(client, every_page_type):
    for kind, page in every_page_type.items():
        response = client.get(page.url)
        assert response.status_code == 200, kind
        tags = head_tags(response.content.decode())
        assert tags["description"].strip(), kind
        assert tags["canonical"] == f"{SITE}{page.url}", kind
        assert tags["og:url"] == tags["canonical"], kind
        assert tags["og:title"] == page.title, kind
        assert tags["og:description"] == tags["description"], kind
        assert tags["og:image"].startswith(f"{SITE}/"), kind
        assert tags["og:image:alt"], kind
        assert tags["twitter:card"] == "summary_large_image", kind
        assert "robots" not in tags, kind

    def tags_of(kind):
        return head_tags(client.get(every_page_type[kind].url).content.decode())

    # The search description first, else the page's own summary.
    assert tags_of("standard")["description"] == "What we believe about co-production."
    assert tags_of("opportunity")["description"] == "Help us rewrite tenants' letters."
    assert tags_of("partner")["description"] == "A housing association in Salford."
    # A partner's logo is its card, and the opportunities it runs show it too;
    # others show the site's own card.
    assert tags_of("partner")["og:image"].startswith(f"{SITE}/media/images/")
    assert tags_of("partner")["og:image:alt"] == "Riverside Housing logo"
    assert tags_of("opportunity")["og:image"] == tags_of("partner")["og:image"]
    assert tags_of("ladder")["og:image"] == f"{SITE}/static/icons/share.png"


def test_search_description_is_used_and_shortened(client, every_page_type):
    page = every_page_type["opportunity"]
    page.search_description = "Paid: " + "help us rewrite letters " * 20
    page.save_revision().publish()
    description = head_tags(client.get(page.url).content.decode())["description"]
    assert description.startswith("Paid: help us rewrite letters")
    assert len(description) == 160


@pytest.mark.parametrize("kind", ["board", "partners"])
def test_filtered_and_paged_listings_are_noindex_follow(client, every_page_type, kind):
    url = every_page_type[kind].url
    # Campaign tags and blank filters show the plain listing (and share its cache entry).
    for query in ("", "?utm_source=newsletter", "?q=&page="):
        assert "robots" not in head_tags(client.get(url + query).content.decode()), query
    for query in ("?q=housing", "?page=2", "?sort=newest&page=1", "?nonsense=%ff"):
        tags = head_tags(client.get(url + query).content.decode())
        assert tags["robots"] == "noindex, follow", query
        assert tags["canonical"] == f"{SITE}{url}", query


def test_a_private_page_offers_no_canonical_or_share_card(client, every_page_type):
    opportunity = every_page_type["opportunity"]
    _record, token = make_interest(opportunity)
    response = client.get(f"{opportunity.url}interest/status/{token}/")
    assert response.status_code == 200
    html = response.content.decode()
    tags = head_tags(html)
    assert tags["description"]
    assert "canonical" not in tags
    assert not [key for key in tags if key.startswith(("og:", "twitter:"))]
    assert token not in html.split("</head>")[0]
