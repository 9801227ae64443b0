"""Dated sessions: made from a pattern in the admin, adjusted, shown in plain
words, used for hours and pay, and moved in from the old fields."""

from datetime import date, time, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from opportunities.models import OpportunityPage, OpportunitySession
from opportunities.payment import PayTerms, SessionTime, work_out_pay
from opportunities.sessions import (
    dates_from_pattern,
    describe_session,
    format_duration,
)
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.test_pages_and_admin import add_url, opportunity_form


def test_a_session_in_plain_words():
    today = date(2027, 1, 1)
    assert (
        describe_session(date(2027, 1, 12), time(10), time(12, 30), today=today)
        == "Tuesday 12 January, 10am to 12:30pm — 2½ hours"
    )
    assert (
        describe_session(date(2028, 3, 2), time(12), time(13), today=today)
        == "Thursday 2 March 2028, 12 noon to 1pm — 1 hour"
    )
    assert (
        describe_session(date(2027, 1, 12), None, None, hours=Decimal("1.5"), today=today)
        == "Tuesday 12 January, time to be confirmed — 1½ hours"
    )
    assert [format_duration(Decimal(h)) for h in ("0.75", "2.25", "3", "1.17")] == [
        "45 minutes",
        "2¼ hours",
        "3 hours",
        "1 hour 10 minutes",
    ]


def test_patterns_weekly_fortnightly_and_monthly_on_the_same_weekday():
    tuesday = date(2027, 1, 12)  # the second Tuesday of January
    assert dates_from_pattern(tuesday, "weekly", 3) == [
        tuesday,
        date(2027, 1, 19),
        date(2027, 1, 26),
    ]
    assert dates_from_pattern(tuesday, "fortnightly", 2)[-1] == date(2027, 1, 26)
    assert dates_from_pattern(tuesday, "monthly", 3) == [
        tuesday,
        date(2027, 2, 9),
        date(2027, 3, 9),
    ]
    # A fifth Friday becomes the last Friday in a month without one.
    assert dates_from_pattern(date(2027, 1, 29), "monthly", 2) == [
        date(2027, 1, 29),
        date(2027, 2, 26),
    ]


def test_pay_reads_sessions_of_different_lengths_and_the_busiest_week():
    monday = date(2027, 1, 11)
    sessions = (
        SessionTime(monday, Decimal("2")),
        SessionTime(monday + timedelta(days=2), Decimal("3")),  # same week: 5 hours
        SessionTime(monday + timedelta(days=14), Decimal("1")),
    )
    per_session = work_out_pay(PayTerms(amount=Decimal("30"), unit="session", sessions=sessions))
    assert per_session.hourly_pence == 1500  # £90 for 6 hours
    assert per_session.total_pence == 9000
    assert per_session.weekly_pence == 6000  # two sessions in the busiest week
    assert per_session.weekly_hours == Decimal("5")
    assert per_session.weeks == 3
    unknown = work_out_pay(
        PayTerms(amount=Decimal("15"), unit="hour", sessions=(SessionTime(monday, None),))
    )
    assert unknown.total_pence is None and unknown.weekly_hours is None


def pattern_form(taxonomy, **pattern):
    data = opportunity_form(taxonomy, hours_per_session="", number_of_sessions="")
    data.update({f"pattern_{name}": value for name, value in pattern.items()})
    return data


@pytest.mark.django_db
def test_editor_makes_sessions_from_a_pattern_then_adjusts_them(
    moderator_client,
    board,
    taxonomy,
):
    first = timezone.localdate() + timedelta(days=40)
    response = moderator_client.post(
        add_url(board),
        pattern_form(
            taxonomy,
            first_date=first.isoformat(),
            how_often="weekly",
            count="4",
            starts_at="10:00",
            ends_at="12:30",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OpportunityPage.objects.get(slug="tenant-panel")
    sessions = list(page.sessions.order_by("date"))
    assert [s.date for s in sessions] == [first + timedelta(weeks=n) for n in range(4)]
    assert all((s.starts_at, s.ends_at) == (time(10), time(12, 30)) for s in sessions)
    assert (page.start_date, page.end_date, page.number_of_sessions) == (
        first,
        first + timedelta(weeks=3),
        4,
    )
    assert page.hourly_pay_pence == 1600  # £40 a session of 2½ hours
    assert page.weekly_hours == Decimal("2.5")

    # The editor makes the first session longer and removes the last one.
    rows = [
        {
            "id": s.pk,
            "date": s.date.isoformat(),
            "starts_at": "10:00",
            "ends_at": "13:00" if index == 0 else "12:30",
            "place": "",
        }
        for index, s in enumerate(sessions)
    ]
    rows[-1]["DELETE"] = "1"
    edit = opportunity_form(taxonomy, hours_per_session="", number_of_sessions="")
    edit.update(nested_form_data({"sessions": inline_formset(rows, initial=len(rows))}))
    response = moderator_client.post(f"/admin/pages/{page.pk}/edit/", edit)
    assert response.status_code == 302, response.content.decode()[:3000]
    page = OpportunityPage.objects.get(pk=page.pk)
    assert page.sessions.count() == 3
    assert page.number_of_sessions == 3
    assert page.hourly_pay_pence == 1500  # £120 for 8 hours

    html = moderator_client.get(page.url).content.decode()
    assert f"{first:%A} {first.day} {first:%B}" in html
    assert "10am to 1pm — 3 hours" in html
    assert "10am to 12:30pm — 2½ hours" in html


@pytest.mark.django_db
def test_a_pattern_without_a_count_is_explained_and_nothing_is_saved(
    moderator_client,
    board,
    taxonomy,
):
    first = timezone.localdate() + timedelta(days=40)
    response = moderator_client.post(
        add_url(board), pattern_form(taxonomy, first_date=first.isoformat(), how_often="weekly")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Fill this in to make sessions from the pattern." in html
    assert first.isoformat() in html  # what was typed is kept
    assert not OpportunityPage.objects.filter(slug="tenant-panel").exists()
    assert not OpportunitySession.objects.exists()


@pytest.mark.django_db
def test_sessions_on_one_day_with_and_without_times_read_in_order(board):
    day = timezone.localdate() + timedelta(days=9)
    page = make_opportunity(
        board,
        sessions=[
            OpportunitySession(date=day, starts_at=time(14), ends_at=time(15)),
            OpportunitySession(date=day),
        ],
    )
    assert [s.starts_at for s in page.dated_sessions] == [None, time(14)]
