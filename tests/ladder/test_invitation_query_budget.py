"""Fixed query counts whatever the number of respondents: the combined result,
the report, the dashboard, and public pages showing a published rung."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ladder.invitations import services as invitations
from ladder.models import Publication
from ladder.team_results import team_results
from tests.conftest import make_user
from tests.ladder.invitation_helpers import (
    lead_url,
    make_invitation,
    make_partner,
    respond_quickly,
)

pytestmark = pytest.mark.django_db

RELATIONS = ["staff", "volunteer", "community"]
LEAD_BUDGET = 23  # with the partner's own record (payments/slots.py): a fixed four queries
REPORT_BUDGET = 25
PUBLIC_BUDGET = 40


def build_network(home_page, questionnaire, respondents, partners=2, prefix="partner"):
    """``partners`` partners, each with a previous and a current invitation for the
    same scope with ``respondents`` answers each; the current one published."""
    version = questionnaire.latest_version()
    built = []
    for number in range(partners):
        partner = make_partner(home_page, f"{prefix} {number}", slug=f"{prefix}-{number}")
        for _ in range(2):
            invitation = make_invitation(partner)
            for index in range(respondents):
                respond_quickly(invitation, version, RELATIONS[index % 3], pick=index % 3)
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
    return len(captured)


@pytest.fixture
def manager(django_user_model):
    return make_user(django_user_model, "manager", ["Ladder managers"])


@pytest.mark.parametrize("size", [3, 30])
def test_lead_page_with_3_and_30_respondents(
    home_page, questionnaire, assessment_page, size, django_assert_max_num_queries
):
    ((partner, invitation),) = build_network(home_page, questionnaire, size, partners=1)
    client = Client()
    client.get(lead_url(invitation))
    with django_assert_max_num_queries(LEAD_BUDGET):
        body = client.get(lead_url(invitation)).content.decode()
    assert f"{size} people have answered" in body
    assert "Change since your last assessment" in body


def test_lead_page_queries_are_the_same_for_3_and_30_respondents(
    home_page, questionnaire, assessment_page
):
    ((_, small),) = build_network(home_page, questionnaire, 3, partners=1, prefix="small")
    ((_, large),) = build_network(home_page, questionnaire, 30, partners=1, prefix="large")
    client = Client()
    assert count(client, lead_url(small)) == count(client, lead_url(large))


@pytest.mark.parametrize("size", [3, 30])
def test_report_and_dashboard_with_3_and_30_respondents(
    home_page, questionnaire, assessment_page, manager, size, django_assert_max_num_queries
):
    build_network(home_page, questionnaire, size, partners=2 if size == 3 else 6)
    client = Client()
    client.force_login(manager)
    for url in (reverse("ladder_network_report"), reverse("wagtailadmin_home")):
        client.get(url)
        with django_assert_max_num_queries(REPORT_BUDGET + (25 if "report" not in url else 0)):
            assert client.get(url).status_code == 200


def test_report_queries_are_the_same_for_small_and_large_networks(
    home_page, questionnaire, assessment_page, manager
):
    client = Client()
    client.force_login(manager)
    url = reverse("ladder_network_report")
    build_network(home_page, questionnaire, 3, partners=2)
    small = count(client, url)
    version = questionnaire.latest_version()
    for number in range(4):
        partner = make_partner(home_page, f"More {number}", slug=f"more-{number}")
        invitation = make_invitation(partner)
        for index in range(30):
            respond_quickly(invitation, version, RELATIONS[index % 3], pick=index % 3)
    assert count(client, url) == small


@pytest.mark.parametrize("size", [3, 30])
def test_public_pages_with_published_rungs(
    home_page, questionnaire, assessment_page, size, django_assert_max_num_queries
):
    built = build_network(home_page, questionnaire, size, partners=2 if size == 3 else 8)
    partner, _ = built[0]
    client = Client()
    for url in (partner.url, "/partners/", "/partners/?rung=3", "/ladder/"):
        client.get(url)
        with django_assert_max_num_queries(PUBLIC_BUDGET):
            body = client.get(url).content.decode()
        assert "Rung" in body


def test_public_page_queries_do_not_grow_with_published_partners(
    home_page, questionnaire, assessment_page
):
    built = build_network(home_page, questionnaire, 3, partners=2)
    partner, _ = built[0]
    client = Client()
    urls = [partner.url, "/partners/", "/partners/?rung=3", "/ladder/"]
    small = [count(client, url) for url in urls]
    version = questionnaire.latest_version()
    for number in range(6):
        extra = make_partner(home_page, f"Extra {number}", slug=f"extra-{number}")
        invitation = make_invitation(extra)
        for index in range(30):
            respond_quickly(invitation, version, RELATIONS[index % 3], pick=index % 3)
        result = team_results([invitation])[invitation.pk]
        publication = invitations.request_publication(invitation, result)
        Publication.objects.filter(pk=publication.pk).update(status="approved")
    assert [count(client, url) for url in urls] == small
