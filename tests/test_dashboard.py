"""The admin dashboard: each panel's content, and who sees it (a user in each group alone).

The interest panel's content is tested in tests/opportunities/test_interest_admin.py;
here only who sees it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ladder.models import QuestionnaireVersion, SelfAssessment
from tests.conftest import make_user
from tests.ladder.factories import make_rungs, publish_questionnaire, theme_data
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.django_db

GROUPS = ["Editors", "Moderators", "Personal data", "Ladder managers"]
PANELS = {
    "closing": "Opportunities closing in the next 14 days",
    "no_outcome": "Closed, but what changed is not written yet",
    "awaiting": "Expressions of interest awaiting a reply",
    "assessments": "Recent self-assessments",
    "overdue": "Overdue payments",
    "partner_records": "records this year",
}
# Who sees each panel: page editors see the opportunity panels; the Personal data
# group the people waiting for a reply; those who may read assessments the recent ones.
VISIBLE_TO = {
    "closing": {"Editors", "Moderators"},
    "no_outcome": {"Editors", "Moderators"},
    "awaiting": {"Personal data"},
    "assessments": {"Ladder managers", "Personal data"},
    # Payments and what participants said: the team who chase payments.
    "overdue": {"Personal data"},
    "partner_records": {"Personal data"},
}


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def content(home_page):
    board = make_board(home_page)
    now = timezone.now()
    make_opportunity(board, title="Closes in three days", closes_at=now + timedelta(days=3))
    make_opportunity(board, title="Closes in thirteen days", closes_at=now + timedelta(days=13))
    make_opportunity(board, title="Closes in a month", closes_at=now + timedelta(days=30))
    old = make_opportunity(
        board, title="Closed without an outcome", closes_at=now - timedelta(days=10)
    )
    make_opportunity(
        board,
        title="Closed with an outcome",
        closes_at=now - timedelta(days=5),
        outcome="<p>The letters were rewritten.</p>",
    )
    make_opportunity(board, title="Draft closed", closes_at=now - timedelta(days=5), publish=False)
    older, _ = make_interest(old, name="Priya Secret", status="new")
    newer, _ = make_interest(old, name="Jo Secret", status="new")
    make_interest(old, name="Ali Contacted", status="contacted")
    # Sent 12 and 1 calendar days ago.
    type(older).objects.filter(pk=older.pk).update(created_at=now - timedelta(days=12))
    type(newer).objects.filter(pk=newer.pk).update(created_at=now - timedelta(days=1))
    older.refresh_from_db()
    newer.refresh_from_db()

    rungs = make_rungs(3)
    publish_questionnaire(themes=[theme_data("Decisions", rungs)])
    version = QuestionnaireVersion.objects.get()
    for number, name in enumerate(["Northside Housing", "Eastgate Trust"]):
        assessment, _ = SelfAssessment.start(version)
        assessment.organisation_name = name
        assessment.scope_name = f"Panel {number}"
        assessment.contact_email = f"secret{number}@example.org"
        assessment.overall_rung = rungs[number]
        assessment.mark_submitted()
        assessment.submitted_at = now - timedelta(days=3 - number)
        assessment.save()
    unfinished, _ = SelfAssessment.start(version)
    unfinished.organisation_name = "Unfinished Ltd"
    unfinished.save()
    return {"older": older, "newer": newer}


@pytest.mark.parametrize("group", GROUPS)
def test_each_group_sees_only_its_panels(client, django_user_model, content, group):
    html = dashboard(client, make_user(django_user_model, "someone", [group]))
    for panel, heading in PANELS.items():
        assert (heading in html) == (group in VISIBLE_TO[panel]), (panel, group)
    # No panel shows a person's name or contact details.
    for secret in ("Priya Secret", "Jo Secret", "secret0@example.org", "secret1@example.org"):
        assert secret not in html


def test_superuser_sees_every_panel(client, superuser, content):
    html = dashboard(client, superuser)
    for heading in PANELS.values():
        assert heading in html


def test_opportunity_panels_list_the_right_pages(client, django_user_model, content):
    html = dashboard(client, make_user(django_user_model, "ed", ["Editors"]))
    closing = html.split(PANELS["closing"])[1].split("</section>")[0]
    assert closing.index("Closes in three days") < closing.index("Closes in thirteen days")
    assert "Closes in a month" not in closing
    assert "Closed without an outcome" not in closing

    no_outcome = html.split(PANELS["no_outcome"])[1].split("</section>")[0]
    assert "Closed without an outcome" in no_outcome
    assert "Closed with an outcome" not in no_outcome
    assert "Closes in three days" not in no_outcome
    assert "Draft closed" not in no_outcome


def test_assessment_panel_lists_finished_ones_newest_first(client, django_user_model, content):
    html = dashboard(client, make_user(django_user_model, "lm", ["Ladder managers"]))
    panel = html.split(PANELS["assessments"])[1].split("</section>")[0]
    assert panel.index("Eastgate Trust") < panel.index("Northside Housing")
    assert "Unfinished Ltd" not in panel
    assert "2 finished in all" in panel


def test_an_empty_dashboard_says_so(client, superuser, home_page):
    html = dashboard(client, superuser)
    assert "Nothing closes in the next 14 days." in html
    assert "Every closed opportunity says what changed." in html
    assert "No self-assessments have been finished yet." in html


def test_dashboard_query_budget_does_not_grow(
    client, superuser, content, django_assert_max_num_queries
):
    client.force_login(superuser)
    client.get(reverse("wagtailadmin_home"))
    with django_assert_max_num_queries(80) as small:
        client.get(reverse("wagtailadmin_home"))
    board = make_board(None)
    old = make_opportunity(board, closes_at=timezone.now() - timedelta(days=2))
    for number in range(15):
        make_opportunity(board, closes_at=timezone.now() + timedelta(days=1 + number % 10))
        make_interest(old, status="new")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("wagtailadmin_home"))
