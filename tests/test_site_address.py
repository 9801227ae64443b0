"""One address for the site (SITE_URL, home/site_address.py): with it set to
copro.example.org, everything that leaves the site with an address in it —
the sitemap, the structured data, the feeds, the calendar and the emails —
says that host, and never this machine's, whatever host the request used."""

import json
import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site

from home.models import SiteSettings
from tests.conftest import make_user
from tests.ladder.conftest import assessment_page, pages, questionnaire, rungs  # noqa: F401
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url
from tests.partners.conftest import make_logo
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

PUBLIC = "https://copro.example.org"
THIS_MACHINE = re.compile(r"localhost|127\.0\.0\.1|testserver|\[::1\]")

# XML namespaces and vocabularies, not links.
NAMESPACES = ("https://schema.org", "http://www.w3.org/", "http://www.sitemaps.org/")

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_address(settings):
    """SITE_URL set to the public address and the Site given it, as a deploy does."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = PUBLIC
    call_command("set_site_address", stdout=StringIO())


@pytest.fixture
def site_with_content(home_page):
    partners = PartnerIndexPageFactory(parent=home_page)
    partner = PartnerPageFactory(
        parent=partners,
        title="Riverside Housing",
        logo=make_logo("Riverside logo"),
        logo_alt_text="Riverside Housing logo",
        contact_email="hello@riverside.example.org",
    )
    board = make_board(home_page)
    run_by_partner = make_opportunity(
        board, title="Tenant panel", slug="tenant-panel", partner=partner
    )
    run_by_us = make_opportunity(board, title="Our own panel", slug="our-own-panel")
    site_settings = SiteSettings.load()
    site_settings.notification_email = "team@example.org"
    site_settings.logo = make_logo("Our logo")
    site_settings.save()
    return {"partner": partner, "opportunities": [run_by_partner, run_by_us], "board": board}


def json_ld(html):
    (found,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(found)


def addresses(text):
    """Every http(s) address in ``text``."""
    return re.findall(r"https?://[^\s\"'<>]+", text)


def assert_on_the_public_host(text, at_least=1):
    found = addresses(text)
    assert len(found) >= at_least, text[:500]
    assert not THIS_MACHINE.search(text), THIS_MACHINE.search(text)
    ours = [url for url in found if not url.startswith(NAMESPACES)]
    assert ours and all(url.startswith(PUBLIC + "/") for url in ours), ours


def test_migrate_gives_the_default_site_the_address(settings):
    settings.SITE_URL = "https://copro.example.org"
    call_command("migrate", verbosity=0, stdout=StringIO())
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "copro.example.org",
        443,
        "https://copro.example.org",
    )


def test_the_command_sets_another_address_and_refuses_a_bad_one():
    out = StringIO()
    call_command("set_site_address", "http://127.0.0.1:8103", stdout=out)
    assert out.getvalue() == "The site's address is now http://127.0.0.1:8103/\n"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8103)

    for bad in ("copro.example.org", "ftp://copro.example.org", "https://copro.example.org:8443"):
        with pytest.raises(CommandError) as error:
            call_command("set_site_address", bad, stdout=StringIO())
        assert "SITE_URL" in str(error.value)
    assert Site.objects.get(is_default_site=True).port == 8103


def test_check_deploy_warns_while_the_address_is_this_machine(settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    warnings = [m for m in run_checks(include_deployment_checks=True) if m.id == "home.W001"]
    assert len(warnings) == 1
    assert "http://127.0.0.1:8000" in warnings[0].msg
    settings.SITE_URL = PUBLIC
    assert not [m for m in run_checks(include_deployment_checks=True) if m.id == "home.W001"]


def test_sitemap_structured_data_and_feeds_say_the_public_host(
    client, public_address, site_with_content
):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert_on_the_public_host(sitemap, at_least=4)
    assert f"<loc>{PUBLIC}/opportunities/tenant-panel/</loc>" in sitemap

    for page in site_with_content["opportunities"]:
        html = client.get(page.url).content.decode()
        data = json_ld(html)
        assert data["url"] == f"{PUBLIC}{page.url}"
        assert data["hiringOrganization"]["logo"].startswith(PUBLIC + "/")
        assert_on_the_public_host(json.dumps(data))
        # The page's own head: canonical, share card, manifest, icons.
        head = html.split("</head>")[0]
        assert f'<link rel="canonical" href="{PUBLIC}{page.url}">' in head
        assert_on_the_public_host(head)

    partner = site_with_content["partner"]
    data = json_ld(client.get(partner.url).content.decode())
    assert data["mainEntityOfPage"] == f"{PUBLIC}{partner.url}"
    assert_on_the_public_host(json.dumps(data), at_least=3)

    board = site_with_content["board"]
    for feed in ("feed/rss/", "feed/atom/"):
        body = client.get(f"{board.url}{feed}?sort=pay").content.decode()
        assert f"{PUBLIC}/opportunities/tenant-panel/" in body
        assert_on_the_public_host(body, at_least=3)
    calendar = client.get(f"{board.url}feed/closing-dates/").content.decode()
    assert "@copro.example.org" in calendar
    assert_on_the_public_host(calendar.replace("\r\n ", ""), at_least=2)

    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots


def test_every_email_links_to_the_public_host(
    client, public_address, site_with_content, django_capture_on_commit_callbacks
):
    opportunity = site_with_content["opportunities"][0]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(interest_url(opportunity), form_data())
    to_person, to_team = sorted(mail.outbox, key=lambda email: email.to != ["sam@example.org"])
    assert f"{PUBLIC}{opportunity.url}interest/status/" in to_person.body
    assert f"{PUBLIC}/admin/expressions-of-interest/inspect/" in to_team.body
    for email in (to_person, to_team):
        assert_on_the_public_host(email.subject + email.body)


def test_a_ladder_invitation_links_to_the_public_host(
    client,
    public_address,
    site_with_content,
    assessment_page,  # noqa: F811
    django_user_model,
    django_capture_on_commit_callbacks,
):
    client.force_login(make_user(django_user_model, "manager", ["Ladder managers"]))
    data = {
        "partner": site_with_content["partner"].pk,
        "scope_kind": "project",
        "scope_name": "Young people's panel",
        "lead_name": "Alex Lead",
        "contact_email": "alex@example.org",
        "email_safe": "on",
        "expires_at": (timezone.localtime() + timedelta(days=45)).strftime("%Y-%m-%d %H:%M"),
    }
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailsnippets_ladder_invitation:add"), data)
    (invitation,) = mail.outbox
    assert f"{PUBLIC}{assessment_page.url}i/" in invitation.body
    assert_on_the_public_host(invitation.body, at_least=2)
