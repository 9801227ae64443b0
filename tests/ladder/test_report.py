"""The network report, its CSV and the dashboard panel."""

import csv
import io
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.urls import reverse

from ladder.models import Publication
from ladder.reports.network import quarter
from tests.conftest import make_user
from tests.ladder.invitation_helpers import make_invitation, make_partner, respond_quickly
from tests.responses import text

pytestmark = pytest.mark.django_db

REPORT_URL = reverse("ladder_network_report")
CSV_URL = reverse("ladder_network_report_csv")


@pytest.fixture
def manager(django_user_model):
    return make_user(django_user_model, "manager", ["Ladder managers"])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def network(home_page, assessment_page, questionnaire):
    """Three partners: one published at rung 5, one invited at rung 3 (five staff
    and nine community members, far apart), one only with a self-assessment
    taken alone. Groups of five or more, so the small-number rule shows them."""
    version = questionnaire.latest_version()
    published_partner = make_partner(home_page, "Northside Housing")
    invited_partner = make_partner(home_page, "Eastgate Council")
    make_partner(home_page, "Quiet Charity")
    first = make_invitation(published_partner)
    respond_quickly(first, version, "staff", pick=2)
    respond_quickly(first, version, "community", pick=2)
    result_first = first  # noqa: F841
    second = make_invitation(invited_partner, scope_name="Adult social care")
    for _ in range(5):
        respond_quickly(second, version, "staff", pick=2)
    for _ in range(9):
        respond_quickly(second, version, "community", pick=0)
    from ladder.invitations import services as invitations
    from ladder.team_results import team_results

    result = team_results([first])[first.pk]
    publication = invitations.request_publication(first, result)
    Publication.objects.filter(pk=publication.pk).update(status="approved")
    revoked = make_invitation(make_partner(home_page, "Gone Ltd"), scope_name="Old")
    respond_quickly(revoked, version, "staff", pick=2)
    revoked.revoke()
    return {"first": first, "second": second, "version": version}


def test_report_shows_distribution_themes_time_and_staff_community(manager, network):
    response = logged_in(manager).get(REPORT_URL)
    assert response.status_code == 200
    body = text(response)
    assert body.count("<svg") >= 4
    assert "<table" in body
    # Published Northside at rung 5, invited Eastgate at rung 3; revoked Gone Ltd left out.
    assert '<th scope="row">5. Rung 5</th><td>1</td><td>1</td><td>0</td>' in body
    assert '<th scope="row">3. Rung 3</th><td>1</td><td>0</td><td>1</td>' in body
    assert '<th scope="row">8. Rung 8</th><td>0</td><td>0</td><td>0</td>' in body
    assert "Gone Ltd" not in body
    # Theme averages: Decisions at 5 (Northside) and 3 (Eastgate) -> 4.0.
    assert '<th scope="row">Decisions</th><td>4.0</td><td>4. Rung 4</td><td>2</td>' in body
    # Staff and community views: Eastgate's Decisions staff 5 v community 3.
    assert "Staff and community views" in body
    assert "Staff 5.0" in body


def test_report_csv_has_a_row_per_live_invitation_and_no_personal_data(manager, network):
    response = logged_in(manager).get(CSV_URL)
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0][:4] == ["Invitation", "Partner", "Assessing", "Name of what is assessed"]
    assert len(rows) == 3  # header + two live invitations
    by_partner = {row[1]: row for row in rows[1:]}
    assert by_partner["Northside Housing"][10:13] == ["5", "Rung 5", "yes"]
    assert by_partner["Eastgate Council"][12] == "no"
    assert "Decisions" in by_partner["Eastgate Council"][13]
    assert "lead@example.org" not in content and "Alex Lead" not in content


def test_dashboard_panel_shows_the_distribution(manager, moderator, editor, network):
    body = text(logged_in(manager).get(reverse("wagtailadmin_home")))
    assert "Where our partners stand on the ladder" in body
    assert "dashboard-distribution-chart" in body
    assert "publication request" not in body  # only moderators decide
    moderator_body = text(logged_in(moderator).get(reverse("wagtailadmin_home")))
    assert "No publication requests are waiting." in moderator_body
    editor_body = text(logged_in(editor).get(reverse("wagtailadmin_home")))
    assert "Where our partners stand on the ladder" not in editor_body


def test_only_ladder_managers_and_moderators_see_the_report(editor, moderator, network):
    assert logged_in(editor).get(REPORT_URL).status_code in (302, 403)
    assert logged_in(editor).get(CSV_URL).status_code in (302, 403)
    assert logged_in(moderator).get(REPORT_URL).status_code == 200


def test_an_empty_network_reports_plainly(manager, assessment_page):
    body = text(logged_in(manager).get(REPORT_URL))
    assert "No invited assessment has answers yet." in body
    assert "No partner has answers from both staff and community members yet." in body


# The small-number rule ----------------------------------------------------------


def csv_rows(client):
    content = b"".join(client.get(CSV_URL).streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_report_and_csv_show_a_group_only_from_five_people(manager, home_page, questionnaire):
    """Four staff: their views and their number are withheld; five: shown."""
    version = questionnaire.latest_version()
    invitation = make_invitation(make_partner(home_page, "Eastgate Council"))
    for _ in range(5):
        respond_quickly(invitation, version, "community", pick=0)
    for _ in range(4):
        respond_quickly(invitation, version, "staff", pick=2)
    client = logged_in(manager)

    body = text(client.get(REPORT_URL))
    assert "No partner has answers from both staff and community members yet." in body
    assert "Staff 5.0" not in body
    header, row = csv_rows(client)
    by_column = dict(zip(header, row, strict=True))
    assert by_column["Answers"] == "9"  # the whole team, as on its lead contact's page
    assert by_column["Staff"] == "fewer than 5 people"
    assert by_column["Community members"] == "5"
    assert by_column["Volunteers"] == "0"
    assert by_column["Themes where staff and community differ"] == ""

    respond_quickly(invitation, version, "staff", pick=2)
    body = text(client.get(REPORT_URL))
    assert "Staff 5.0" in body and "Community 3.0" in body
    header, row = csv_rows(client)
    by_column = dict(zip(header, row, strict=True))
    assert by_column["Staff"] == "5" and by_column["Community members"] == "5"
    assert "Decisions" in by_column["Themes where staff and community differ"]


def test_quarters_follow_the_organisations_clock():
    """Half past eleven at night UTC on 30 June is already 1 July in London."""
    assert quarter(datetime(2026, 6, 30, 23, 30, tzinfo=UTC)) == "2026 Q3"
    assert quarter(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)) == "2026 Q4"
