"""The demo board: about 25 opportunities of every kind, loaded twice safely."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from ladder.models import Rung
from opportunities.models import OpportunityPage, OpportunitySession


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


@pytest.mark.django_db
def test_old_fields_move_into_sessions_on_the_demo_data(client, demo_site):
    migration = importlib.import_module("opportunities.migrations.0010_sessions_from_old_fields")
    before = {
        page.slug: (page.pay_figures, page.dated_sessions)
        for page in OpportunityPage.objects.prefetch_related("sessions")
    }
    OpportunitySession.objects.all().delete()
    migration.move_into_sessions(apps, None)

    pages = {page.slug: page for page in OpportunityPage.objects.prefetch_related("sessions")}
    monthly = pages["hardship-fund-panel"]
    dates = [session.date for session in monthly.dated_sessions]
    assert len(dates) == 6
    assert dates == [session.date for session in before["hardship-fund-panel"][1]]
    assert all(session.starts_at is None for session in monthly.dated_sessions)
    assert monthly.hourly_pay_pence == 2500 and monthly.pay_figures.total_pence == 45000
    assert not pages["research-advisory-group"].dated_sessions  # flexible: dates to be agreed
    assert len(pages["benefit-letters-review"].dated_sessions) == 1
    moved = [slug for slug, page in pages.items() if page.dated_sessions]
    assert len(moved) >= 20
    for slug in moved:
        page = pages[slug]
        # The same days as the demo's own sessions, and figures kept consistent.
        assert [s.date for s in page.dated_sessions] == [s.date for s in before[slug][1]]
        assert page.hourly_pay_pence == page.pay_figures.hourly_pence
    html = client.get(monthly.url).content.decode()
    assert "time to be confirmed — 3 hours" in html


REQUIRED_JOB_POSTING = {
    "title",
    "description",
    "url",
    "identifier",
    "datePosted",
    "validThrough",
    "employmentType",
    "directApply",
    "hiringOrganization",
}


@pytest.mark.django_db
def test_every_demo_job_posting_is_complete_and_dated_coherently(client, settings, demo_site):
    from tests.opportunities.test_detail_page import structured_data

    settings.DEBUG = False
    now = timezone.now()
    pages = OpportunityPage.objects.live()
    assert pages.filter(venue_address_private=True, closes_at__gt=now).exists()
    for page in pages:
        data = structured_data(client.get(page.url).content.decode())
        # Closed ones too: published before they closed, not on the day the demo loaded.
        assert data["datePosted"] <= data["validThrough"][:10], page.slug
        if page.closes_at <= now:
            continue
        assert data.keys() >= REQUIRED_JOB_POSTING, (page.slug, REQUIRED_JOB_POSTING - data.keys())
        assert data["description"].startswith("<p>"), page.slug
        if page.pay_unit != "none":
            assert data["baseSalary"]["value"]["unitText"] in {"HOUR", "DAY", "WEEK"}, page.slug
        if page.partner_id and page.partner.specific.logo_id:
            assert data["hiringOrganization"]["logo"].startswith("http://testserver/"), page.slug
        if "jobLocation" in data:
            assert data["jobLocation"]["address"]["addressLocality"], page.slug
        else:
            assert data["jobLocationType"] == "TELECOMMUTE", page.slug
        if page.venue_address_private:
            assert page.venue_street not in str(data), page.slug
            assert "postalCode" not in data["jobLocation"]["address"], page.slug
