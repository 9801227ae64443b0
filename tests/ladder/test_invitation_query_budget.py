"""Fixed query counts whatever the number of respondents: the combined result,
the report, the dashboard, and public pages showing a published rung.

The module builds its network once (tests/module_data.py): two partners with
3 respondents each, every page's query count at that size, then the network
grown (a partner with 30 respondents, 4 with 30 unpublished, 6 with 30
published). Each test counts again in the grown network. Building a network
for each of nine tests made about 1,300 answers; this makes under 400.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ladder.invitations import services as invitations
from ladder.models import Publication
from ladder.team_results import team_results
from tests.conftest import default_home_page, make_user
from tests.ladder.conftest import make_questionnaire
from tests.ladder.factories import make_pages, make_rungs
from tests.ladder.invitation_helpers import (
    lead_url,
    make_invitation,
    make_partner,
    respond_quickly,
)
from tests.module_data import kept_for_the_module
from tests.two_factor import pass_second_factor

pytestmark = pytest.mark.django_db

RELATIONS = ["staff", "volunteer", "community"]
LEAD_BUDGET = 23  # with the partner's own record (payments/slots.py): a fixed four queries
REPORT_BUDGET = 25
PUBLIC_BUDGET = 40


def build_network(
    home_page, questionnaire, respondents, partners=2, prefix="partner", publish=True
):
    """``partners`` partners, each with a previous and a current invitation for the
    same scope with ``respondents`` answers each; the current one published
    unless ``publish`` is false."""
    version = questionnaire.latest_version()
    built = []
    for number in range(partners):
        partner = make_partner(home_page, f"{prefix} {number}", slug=f"{prefix}-{number}")
        for _ in range(2):
            invitation = make_invitation(partner)
            for index in range(respondents):
                respond_quickly(invitation, version, RELATIONS[index % 3], pick=index % 3)
        if publish:
            result = team_results([invitation])[invitation.pk]
            publication = invitations.request_publication(invitation, result)
            Publication.objects.filter(pk=publication.pk).update(status="approved")
        built.append((partner, invitation))
    return built


def count(client, url):
    client.get(url)  # warm caches (settings, renditions) the same way for both sizes
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


REPORT = "ladder_network_report"
DASHBOARD = "wagtailadmin_home"
PUBLIC = ["/partners/", "/partners/?rung=3", "/ladder/"]


@pytest.fixture(scope="module")
def network(django_db_setup, django_db_blocker):
    """Each page's query count and body in a network of two partners with 3
    respondents; then the network grown. The lead links and the partners'
    addresses at each size."""
    with kept_for_the_module(django_db_blocker):
        home_page = default_home_page()
        questionnaire = make_questionnaire(make_rungs(8))
        make_pages(home_page, questionnaire)
        manager = make_user(get_user_model(), "manager", ["Ladder managers"])
        staff = Client()
        staff.force_login(manager)
        pass_second_factor(staff, manager)
        ((small_partner, small_invitation), _) = build_network(home_page, questionnaire, 3)
        small_lead, small_profile = lead_url(small_invitation), small_partner.url
        seen = {url: count(Client(), url) for url in [small_lead, small_profile, *PUBLIC]}
        for name in (REPORT, DASHBOARD):
            seen[name] = count(staff, reverse(name))

        ((large_partner, large_invitation),) = build_network(
            home_page, questionnaire, 30, partners=1, prefix="large"
        )
        build_network(home_page, questionnaire, 30, partners=4, prefix="more", publish=False)
        build_network(home_page, questionnaire, 30, partners=6, prefix="extra")
        yield {
            "small": seen,
            "lead": {3: small_lead, 30: lead_url(large_invitation)},
            "profile": {3: small_profile, 30: large_partner.url},
            "manager": manager.pk,
        }


@pytest.fixture
def staff(client, network):
    client.force_login(get_user_model().objects.get(pk=network["manager"]))
    return client


@pytest.mark.parametrize("size", [3, 30])
def test_lead_page_with_3_and_30_respondents(client, network, size):
    url = network["lead"][size]
    queries, body = network["small"][url] if size == 3 else count(client, url)
    assert queries <= LEAD_BUDGET
    assert f"{size} people have answered" in body
    assert "Change since your last assessment" in body


def test_lead_page_queries_are_the_same_for_3_and_30_respondents(client, network):
    small, _ = network["small"][network["lead"][3]]
    large, _ = count(client, network["lead"][30])
    assert small == large


@pytest.mark.parametrize("size", [3, 30])
def test_report_and_dashboard_with_3_and_30_respondents(staff, network, size):
    for name, budget in ((REPORT, REPORT_BUDGET), (DASHBOARD, REPORT_BUDGET + 25)):
        queries, _ = network["small"][name] if size == 3 else count(staff, reverse(name))
        assert queries <= budget, name


def test_report_queries_are_the_same_for_small_and_large_networks(staff, network):
    small, _ = network["small"][REPORT]
    large, _ = count(staff, reverse(REPORT))
    assert small == large


@pytest.mark.parametrize("size", [3, 30])
def test_public_pages_with_published_rungs(client, network, size):
    for url in (network["profile"][size], *PUBLIC):
        queries, body = network["small"][url] if size == 3 else count(client, url)
        assert queries <= PUBLIC_BUDGET, url
        assert "Rung" in body


def test_public_page_queries_do_not_grow_with_published_partners(client, network):
    urls = [network["profile"][3], *PUBLIC]
    small = [network["small"][url][0] for url in urls]
    assert [count(client, url)[0] for url in urls] == small
