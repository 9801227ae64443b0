"""Assessments in the admin: Ladder managers read them; emails only for Personal data."""

import pytest
from django.urls import reverse

from ladder.models import SelfAssessment
from privacy.models import PersonalDataAccess
from tests.conftest import make_user
from tests.ladder.journey_helpers import complete

pytestmark = pytest.mark.django_db

INDEX = "wagtailsnippets_ladder_selfassessment:list"
INSPECT = "wagtailsnippets_ladder_selfassessment:inspect"


@pytest.fixture
def submitted(client, assessment_page):
    _, assessment = complete(client)
    assessment.contact_email = "lead@northside.example"
    assessment.organisation_name = '=HYPERLINK("http://evil.example")'
    assessment.save()
    client.logout()
    return assessment


def test_ladder_managers_list_filter_search_and_open_assessments(
    client, ladder_manager, submitted, rungs
):
    client.force_login(ladder_manager)
    listing = client.get(reverse(INDEX))
    assert listing.status_code == 200
    assert "Tenants&#x27; voice panel" in listing.content.decode()
    for query in [
        f"?overall_rung={submitted.overall_rung_id}",
        "?status=submitted",
        f"?version={submitted.version_id}",
        "?overall_rung=999999",
        "?submitted_at_from=not-a-date",
        "?q=voice",
        "?p=abc",
    ]:
        assert client.get(reverse(INDEX) + query).status_code == 200, query
    searched = client.get(reverse(INDEX) + "?q=nothing-like-this").content.decode()
    assert "Tenants&#x27; voice panel" not in searched

    inspect = client.get(reverse(INSPECT, args=(submitted.pk,)))
    assert inspect.status_code == 200
    body = inspect.content.decode()
    assert "Decisions: question 1?" in body
    assert "lead@northside.example" not in body  # not in the Personal data group


def test_personal_data_group_sees_the_contact_email(client, django_user_model, submitted):
    client.force_login(make_user(django_user_model, "dpo", ["Ladder managers", "Personal data"]))
    body = client.get(reverse(INSPECT, args=(submitted.pk,))).content.decode()
    assert "lead@northside.example" in body
    entry = PersonalDataAccess.objects.get()
    assert (entry.username, entry.action, entry.record_id) == ("dpo", "viewed", str(submitted.pk))
    assert "northside" not in str(entry)


def test_opening_an_assessment_without_seeing_an_email_is_not_logged(
    client, ladder_manager, submitted
):
    client.force_login(ladder_manager)
    assert client.get(reverse(INSPECT, args=(submitted.pk,))).status_code == 200
    assert not PersonalDataAccess.objects.exists()


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_cannot_see_assessments(client, django_user_model, submitted, group):
    client.force_login(make_user(django_user_model, "someone", [group]))
    assert client.get(reverse(INDEX)).status_code in (302, 403)
    assert client.get(reverse(INSPECT, args=(submitted.pk,))).status_code in (302, 403)


def test_nobody_can_edit_an_assessment_in_the_admin(client, ladder_manager, submitted):
    client.force_login(ladder_manager)
    edit = reverse("wagtailsnippets_ladder_selfassessment:edit", args=(submitted.pk,))
    assert client.get(edit).status_code in (302, 403)


def test_csv_export_is_spreadsheet_safe(client, superuser, submitted):
    client.force_login(superuser)
    response = client.get(reverse(INDEX) + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in content
    assert "lead@northside.example" not in content
    assert SelfAssessment.objects.count() == 1
