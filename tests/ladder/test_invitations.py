"""Invitations: create, answer by several people, combined result, revoke, expire."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ladder.models import Invitation, Respondent, SelfAssessment
from tests.ladder.invitation_helpers import (
    INVITED_ABOUT,
    answer,
    answer_url,
    lead_url,
    make_invitation,
    make_partner,
    respond_quickly,
)
from tests.ladder.journey_helpers import START_URL
from tests.responses import text

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(home_page):
    return make_partner(home_page)


@pytest.fixture
def invitation(partner, assessment_page):
    return make_invitation(partner)


def test_links_are_unguessable_and_only_their_hashes_are_stored(invitation):
    assert len(invitation.answer_token) >= 43
    assert invitation.answer_token != invitation.lead_token
    stored = Invitation.objects.filter(pk=invitation.pk).values().get()
    for value in stored.values():
        assert invitation.answer_token not in str(value)
        assert invitation.lead_token not in str(value)
    assert Invitation.objects.for_answer_token(invitation.answer_token).get() == invitation
    assert not Invitation.objects.for_answer_token(invitation.lead_token).exists()
    assert not Invitation.objects.for_lead_token(invitation.answer_token).exists()


def test_the_shared_link_explains_and_starts_a_journey_for_that_partner(client, invitation):
    response = client.get(answer_url(invitation))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    body = text(response)
    assert "Northside Housing" in body and "Tenants&#x27; voice panel" in body
    assessment = answer(client, invitation, relation="staff")
    assert assessment.is_submitted
    assert assessment.partner == invitation.partner
    assert assessment.scope_name == invitation.scope_name
    respondent = Respondent.objects.get(assessment=assessment)
    assert respondent.invitation == invitation
    assert respondent.relation == "staff"
    assert respondent.name == "Sam"


def test_the_about_step_asks_relation_and_keeps_what_was_typed(client, invitation):
    response = client.post(answer_url(invitation), {"website_url": ""})
    about = response["Location"]
    page = text(client.get(about))
    assert "How do you relate to the organisation?" in page
    assert "Community member" in page
    assert 'name="partner"' not in page  # fixed by the invitation
    response = client.post(about, {**INVITED_ABOUT, "relation": "", "role": "Panel chair"})
    assert response.status_code == 400
    body = text(response)
    assert "Choose how you relate to the organisation" in body
    assert 'value="Panel chair"' in body
    assert Respondent.objects.get().relation == ""
    assert SelfAssessment.objects.get().role == ""


def test_check_answers_shows_name_and_relation(client, invitation):
    response = client.post(answer_url(invitation), {"website_url": ""})
    about = response["Location"]
    client.post(about, INVITED_ABOUT)
    check = text(client.get(about.replace("about/", "check/")))
    assert "How you relate to the organisation" in check
    assert "Community member" in check


def test_several_respondents_combine_on_the_lead_page(client, invitation, rungs):
    # Decisions offers rungs 3,4,5; Money 2,3,4; Feedback 4,5,6 (see conftest).
    answer(Client(), invitation, relation="staff", pick=2)
    answer(Client(), invitation, relation="staff", pick=2)
    answer(Client(), invitation, relation="community", pick=0)
    response = client.get(lead_url(invitation))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    body = text(response)
    assert "3 people have answered so far" in body
    # Decisions: staff 5, 5, community 3 -> median 5. With two staff and one community
    # member, their views are not set side by side (the small-number rule).
    assert "staff put this at rung" not in body
    assert "once at least 3 of each have answered" in body
    assert "Rung 3 to rung 5 (3 people)" in body
    # Team theme rungs: Decisions 5, Money 4, Feedback 6 -> each theme once, median 5
    # (rule 1 pooled all fifteen answers and gave 4).
    assert "Rung 5: <strong>Rung 5</strong>" in body
    assert "<svg" in body and "<table" in body
    assert "Staff: fewer than 3 people" in body
    assert "Community member: fewer than 3 people" in body
    assert "Sam" not in body  # names never reach the lead contact


def theme_row(body, theme):
    """The cells of a theme's row in the lead page's table, as text."""
    row = re.search(rf'<th scope="row">{theme}</th>(.*?)</tr>', body, re.S).group(1)
    return [cell.strip() for cell in re.findall(r"<td>(.*?)</td>", row, re.S)]


def test_the_lead_page_shows_a_group_only_from_three_people(client, invitation, questionnaire):
    """The small-number rule, with 3 for one invitation's result: two staff are "fewer
    than 3 people"; three are shown. Nobody's answers are ever attributed."""
    version = questionnaire.latest_version()
    for _ in range(3):
        respond_quickly(invitation, version, "community", pick=0)
    for _ in range(2):
        respond_quickly(invitation, version, "staff", pick=2)
    body = text(client.get(lead_url(invitation)))
    assert "5 people have answered so far" in body
    assert "Staff: fewer than 3 people" in body and "Community member: 3" in body
    # The Decisions row: combined rung, spread, staff (withheld), community members.
    assert theme_row(body, "Decisions")[2:] == ["Fewer than 3 people", "Rung 3"]
    assert "staff put this at rung" not in body
    assert "once at least 3 of each have answered" in body

    respond_quickly(invitation, version, "staff", pick=2)
    body = text(client.get(lead_url(invitation)))
    assert "Staff: 3" in body and "Community member: 3" in body
    assert "fewer than 3 people" not in body.lower()
    assert theme_row(body, "Decisions")[2:] == ["Rung 5", "Rung 3"]
    assert "Decisions: staff put this at rung 5 (Rung 5) and community members at rung 3" in body


def test_drafts_do_not_count_until_sent(client, invitation):
    client.post(answer_url(invitation), {"website_url": ""})
    body = text(client.get(lead_url(invitation)))
    assert "0 people have answered so far" in body
    assert "Nobody has answered yet" in body


def test_lead_contact_is_emailed_a_link_only_for_each_new_response(
    client, invitation, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(
            client,
            invitation,
            about={"contact_email": "person@example.org", "email_wish": "private"},
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lead@example.org"]
    assert lead_url(invitation) in message.body
    assert "person@example.org" not in message.body
    assert "Sam" not in message.body


def test_a_revoked_link_refuses_clearly(client, invitation):
    invitation.revoke()
    response = client.get(answer_url(invitation))
    assert response.status_code == 410
    assert "This invitation link has been switched off" in text(response)
    response = client.post(answer_url(invitation), {"website_url": ""})
    assert response.status_code == 410
    assert SelfAssessment.objects.count() == 0
    response = client.get(lead_url(invitation))
    assert response.status_code == 410


def test_an_expired_link_refuses_new_answers_but_the_lead_still_sees_the_result(client, invitation):
    answer(Client(), invitation)
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    response = client.get(answer_url(invitation))
    assert response.status_code == 410
    assert "This invitation link has expired" in text(response)
    assert client.post(answer_url(invitation), {"website_url": ""}).status_code == 410
    assert SelfAssessment.objects.count() == 1
    lead = client.get(lead_url(invitation))
    assert lead.status_code == 200
    assert "stopped taking answers" in text(lead)


def test_unknown_and_malformed_links_are_not_found(client, assessment_page):
    assert client.get(f"{START_URL}i/{'x' * 43}/").status_code == 404
    assert client.get(f"{START_URL}lead/{'x' * 43}/").status_code == 404
    assert client.get(f"{START_URL}i/%00/").status_code == 404


def test_a_lead_link_never_opens_another_partners_result(client, home_page, invitation):
    other_partner = make_partner(home_page, "Eastgate Council")
    other = make_invitation(other_partner, scope_name="Adult social care")
    answer(Client(), other, relation="staff", pick=2)
    body = text(client.get(lead_url(invitation)))
    assert "Eastgate Council" not in body
    assert "Adult social care" not in body
    assert "0 people have answered" in body
    # The answer link is not a lead link, and vice versa.
    assert client.get(f"{START_URL}lead/{other.answer_token}/").status_code == 404
    assert client.get(f"{START_URL}i/{other.lead_token}/").status_code == 404


def test_history_shows_change_since_the_previous_invitation_for_the_same_scope(
    client, partner, assessment_page
):
    first = make_invitation(partner)
    answer(Client(), first, pick=0)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=400))
    other_scope = make_invitation(partner, scope_name="Repairs team")
    answer(Client(), other_scope, pick=2)
    second = make_invitation(partner, scope_name="tenants' voice panel")
    answer(Client(), second, pick=2)
    body = text(client.get(lead_url(second)))
    assert "Change since your last assessment of this service" in body
    assert "Overall: up." in body
    first_body = text(client.get(lead_url(first)))
    assert "Change since your last assessment" not in first_body


def test_a_forged_partner_or_scope_on_the_about_step_is_ignored(client, home_page, invitation):
    other_partner = make_partner(home_page, "Eastgate Council")
    response = client.post(answer_url(invitation), {"website_url": ""})
    about = response["Location"]
    forged = {
        **INVITED_ABOUT,
        "partner": other_partner.pk,
        "organisation_name": "Eastgate Council",
        "scope_name": "Something else",
    }
    assert client.post(about, forged).status_code == 302
    assessment = SelfAssessment.objects.get()
    assert assessment.partner == invitation.partner
    assert assessment.scope_name == invitation.scope_name
    assert assessment.organisation_name == invitation.partner.title


def test_new_invitations_expire_after_the_days_in_settings(partner):
    from ladder.models import LadderSettings

    settings = LadderSettings.load()
    settings.invitation_valid_days = 10
    settings.save()
    invitation = Invitation.objects.create(
        partner=partner, scope_name="Panel", lead_name="A", contact_email="a@example.org"
    )
    days = (invitation.expires_at - timezone.now()).days
    assert days in (9, 10)


def test_no_email_once_the_lead_contact_has_been_erased(
    client, invitation, django_capture_on_commit_callbacks
):
    Invitation.objects.filter(pk=invitation.pk).update(contact_email="", lead_name="")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        answer(client, invitation)
    assert mail.outbox == []
    assert client.get(lead_url(invitation)).status_code == 200
