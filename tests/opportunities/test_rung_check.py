"""Editors are warned, not stopped, when an opportunity claims a higher rung
than its partner's latest published ladder result; the public never sees it."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from ladder.models import Publication, Rung
from opportunities.models import OpportunityPage
from tests.ladder.invitation_helpers import make_invitation, make_partner
from tests.opportunities.test_pages_and_admin import add_url, opportunity_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def rungs(db):
    return {
        level: Rung.objects.create(
            level=level, name=name, short_description=f"{name}.", band="participation"
        )
        for level, name in [(5, "Heard and answered"), (7, "Designing together")]
    }


def publish_rung(partner, rung, days_ago=0):
    return Publication.objects.create(
        invitation=make_invitation(partner, scope_name=f"Scope {rung.level} {days_ago}"),
        status="approved",
        rung=rung,
        rung_level=rung.level,
        rung_name=rung.name,
        respondent_count=6,
        assessed_on=timezone.localdate(),
        decided_at=timezone.now() - timedelta(days=days_ago),
    )


def post(client, board, taxonomy, partner, rung):
    taxonomy = {**taxonomy, "rung": rung}
    response = client.post(add_url(board), opportunity_form(taxonomy, partner))
    assert response.status_code == 302, response.content.decode()[:2000]
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_higher_claim_warns_with_both_rungs_and_still_publishes(
    moderator_client, board, home_page, rungs, taxonomy
):
    partner = make_partner(home_page, "Castlebrook Council")
    publish_rung(partner, rungs[7], days_ago=300)  # an older, higher result
    publish_rung(partner, rungs[5], days_ago=10)  # the latest

    messages = post(moderator_client, board, taxonomy, partner, rungs[7])
    warning = [m for m in messages if "latest published ladder result" in m]
    assert len(warning) == 1
    assert "'Designing together' (rung 7)" in warning[0]
    assert "'Heard and answered' (rung 5)" in warning[0]
    page = OpportunityPage.objects.get(slug="tenant-panel")
    assert page.live  # a warning, not a block

    edit = moderator_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Castlebrook Council&#x27;s latest published ladder result" in edit
    assert "latest published ladder result" not in moderator_client.get(page.url).content.decode()


def test_no_warning_at_or_below_the_published_rung_or_without_one(
    moderator_client, board, home_page, rungs, taxonomy
):
    partner = make_partner(home_page, "Castlebrook Council")
    assert not [
        m for m in post(moderator_client, board, taxonomy, partner, rungs[7]) if "ladder" in m
    ]
    publish_rung(partner, rungs[7])
    OpportunityPage.objects.all().delete()
    assert not [
        m for m in post(moderator_client, board, taxonomy, partner, rungs[5]) if "ladder" in m
    ]


def test_an_opportunity_cannot_claim_a_rung_that_is_still_a_draft(
    moderator_client, board, rungs, taxonomy
):
    draft = Rung.objects.create(
        level=8, name="Community-led", short_description="Not published yet.", live=False
    )
    response = moderator_client.post(add_url(board), opportunity_form({**taxonomy, "rung": draft}))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not OpportunityPage.objects.filter(slug="tenant-panel").exists()
