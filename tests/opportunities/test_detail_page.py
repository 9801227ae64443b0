"""An opportunity's page: open, closing soon, closed, places filled, what changed,
the pay panel with benefit notes, and schema.org JobPosting data."""

import json
import re
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from home.models import AccessSupport, Area, SiteSettings
from tests.opportunities.conftest import make_opportunity


def structured_data(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


@pytest.mark.django_db
def test_open_page_shows_pay_expenses_access_and_benefit_notes(client, board):
    settings = SiteSettings.load()
    settings.benefits_advice_url = "https://advice.example.org/benefits"
    settings.save()
    page = make_opportunity(
        board,
        title="Design a recovery café",
        pay_amount=Decimal("45"),
        pay_unit="session",
        hours_per_session=Decimal("3"),
        number_of_sessions=5,
        payment_method="cash",
        paid_within_days=0,
        expenses_food=True,
        expenses_paid="in_advance",
        access_support=[
            AccessSupport.objects.create(name="Quiet room", description="A calm room.")
        ],
    )

    html = client.get(page.url).content.decode()

    assert '<h2 id="pay-heading">What you’ll get</h2>' in html
    assert "£45 per session (about £15 an hour), £225 in all" in html
    assert "<dt>Hourly equivalent</dt><dd>£15 an hour</dd>" in html
    assert "<dt>How you are paid</dt><dd>Cash</dd>" in html
    assert "<dt>When you are paid</dt><dd>On the day</dd>" in html
    assert "Travel, food. Paid in advance." in html
    assert "<strong>Quiet room</strong>: A calm room." in html
    assert "This is not advice." in html
    assert 'href="https://advice.example.org/benefits"' in html
    assert "This may affect ESA" in html
    assert "Carer&#x27;s Allowance" in html
    assert "What counts: Fees and vouchers count as earnings." in html
    assert (
        "<strong>Personal Independence Payment (PIP):</strong> PIP is not affected by earnings"
        in html
    )
    assert "How to take part" in html
    assert "This opportunity has closed" not in html


@pytest.mark.django_db
def test_pw1_warning_shows_when_the_start_is_near(client, board):
    soon = make_opportunity(board, start_date=timezone.localdate() + timedelta(days=9))
    later = make_opportunity(board, start_date=timezone.localdate() + timedelta(days=90))
    assert "send form PW1" in client.get(soon.url).content.decode()
    assert "<strong>Warning:</strong>" in client.get(soon.url).content.decode()
    assert "<strong>Warning:</strong>" not in client.get(later.url).content.decode()


@pytest.mark.django_db
def test_closing_soon_badge_within_seven_days(client, board):
    soon = make_opportunity(board, closes_at=timezone.now() + timedelta(days=6, hours=23))
    later = make_opportunity(board, closes_at=timezone.now() + timedelta(days=7, hours=1))
    assert "Closing soon" in client.get(soon.url).content.decode()
    assert "Closing soon" not in client.get(later.url).content.decode()
    assert soon.accepts_interest and later.accepts_interest


@pytest.mark.django_db
def test_closed_page_stays_says_closed_shows_what_changed_and_takes_no_interest(client, board):
    page = make_opportunity(
        board,
        closes_at=timezone.now() - timedelta(minutes=1),
        outcome="<p>The curfew was scrapped.</p>",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This opportunity has closed." in html
    assert "What changed as a result" in html
    assert "The curfew was scrapped." in html
    assert "it is not taking interest any more" in html
    assert not page.accepts_interest


@pytest.mark.django_db
def test_outcome_is_hidden_while_open(client, board):
    page = make_opportunity(board, outcome="<p>Written early.</p>")
    html = client.get(page.url).content.decode()
    assert "Written early." not in html


@pytest.mark.django_db
def test_places_filled_stops_interest(client, board):
    page = make_opportunity(board, places=6, places_filled=True)
    html = client.get(page.url).content.decode()
    assert "All places are filled." in html
    assert not page.accepts_interest
    assert page.status_label == "Places filled"


@pytest.mark.django_db
def test_closing_time_is_read_in_uk_time(client, board):
    # 23:30 UTC on 30 June is 00:30 on 1 July in London (summer time).
    closes = datetime(2031, 6, 30, 23, 30, tzinfo=UTC)
    page = make_opportunity(board, closes_at=closes)
    html = client.get(page.url).content.decode()
    assert "Tuesday 1 July 2031, 12:30 a.m." in html


@pytest.mark.django_db
def test_volunteering_says_so_plainly(client, board):
    page = make_opportunity(
        board, pay_amount=None, pay_unit="none", no_payment_reason="Chosen by the group."
    )
    html = client.get(page.url).content.decode()
    assert "No payment: this is volunteering." in html
    assert "Chosen by the group." in html
    assert structured_data(html)["employmentType"] == "VOLUNTEER"
    assert "baseSalary" not in structured_data(html)


@pytest.mark.django_db
def test_job_posting_structured_data(client, board):
    area = Area.objects.create(name="Merseyside")
    page = make_opportunity(
        board,
        title="Crisis care redesign",
        pay_amount=Decimal("110"),
        pay_unit="day",
        hours_per_session=Decimal("5.5"),
        area=area,
        venue_name="Brookmere Hospital",
        start_date=timezone.localdate() + timedelta(days=40),
    )
    data = structured_data(client.get(page.url).content.decode())
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Crisis care redesign"
    assert data["validThrough"] == timezone.localtime(page.closes_at).isoformat()
    assert data["employmentType"] == "TEMPORARY"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "GBP",
        "value": {"@type": "QuantitativeValue", "value": 110.0, "unitText": "DAY"},
    }
    assert data["jobLocation"]["address"]["addressRegion"] == "Merseyside"
    assert "jobLocationType" not in data
    assert data["hiringOrganization"]["name"] == "Co-pro Network"


@pytest.mark.django_db
def test_online_work_is_telecommute_and_session_pay_is_given_hourly(client, board):
    page = make_opportunity(
        board,
        format="online",
        pay_amount=Decimal("30"),
        pay_unit="session",
        hours_per_session=Decimal("2"),
    )
    data = structured_data(client.get(page.url).content.decode())
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 15.0,
        "unitText": "HOUR",
    }


@pytest.mark.django_db
def test_structured_data_cannot_break_out_of_its_script(client, board):
    page = make_opportunity(board, title="</script><script>alert(1)</script>")
    html = client.get(page.url).content.decode()
    assert "</script><script>alert(1)" not in html
    assert structured_data(html)["title"] == "</script><script>alert(1)</script>"
