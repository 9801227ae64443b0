"""The demo board: about 25 opportunities of every kind, loaded twice safely."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ladder.models import Rung
from opportunities.models import OpportunityPage


@pytest.mark.django_db
def test_demo_opportunities_cover_every_kind(client, settings, demo_site):
    settings.DEBUG = False
    # The demo site was made by load_demo_content: this is its second run.
    call_command("load_demo_content", "--no-admin", stdout=StringIO())

    pages = list(OpportunityPage.objects.live().prefetch_related("topics", "access_support"))
    assert 20 <= len(pages) <= 30
    assert len({page.slug for page in pages}) == len(pages)
    now = timezone.now()
    open_pages = [page for page in pages if page.closes_at > now]
    closed = [page for page in pages if page.closes_at <= now]
    assert len(open_pages) >= 15
    assert len([page for page in closed if page.has_outcome]) >= 3
    assert {page.pay_unit for page in pages} == {"hour", "session", "day", "fixed", "none"}
    assert {page.format for page in pages} == {"in_person", "online", "hybrid", "phone"}
    assert len([page for page in pages if page.pay_unit == "none"]) == 1
    assert len({page.partner_id for page in pages}) >= 8
    assert any(page.partner_id is None for page in pages)
    assert all(page.topics.all() for page in pages)
    assert any(page.places_filled for page in pages)
    if Rung.objects.exists():
        assert any(page.rung_id for page in pages)

    response = client.get("/opportunities/")
    assert response.status_code == 200
    for page in pages[:5]:
        assert client.get(page.url).status_code == 200
