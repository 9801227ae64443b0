"""Invitations in the admin: create (which emails the links), read, revoke; who sees
lead contacts; the invitation email's text in settings."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ladder.models import Invitation, LadderSettings
from privacy.models import PersonalDataAccess
from tests.conftest import make_user
from tests.ladder.invitation_helpers import answer_url, lead_url, make_invitation, make_partner
from tests.responses import text

pytestmark = pytest.mark.django_db

ADD_URL = reverse("wagtailsnippets_ladder_invitation:add")


@pytest.fixture
def partner(home_page):
    return make_partner(home_page)


@pytest.fixture
def manager(django_user_model):
    return make_user(django_user_model, "manager", ["Ladder managers"])


@pytest.fixture
def manager_with_personal_data(django_user_model):
    return make_user(django_user_model, "pd-manager", ["Ladder managers", "Personal data"])


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def form(partner, **changes):
    expires = timezone.localtime() + timedelta(days=45)
    data = {
        "partner": partner.pk,
        "scope_kind": "project",
        "scope_name": "Young people's research panel",
        "lead_name": "Alex Lead",
        "contact_email": "alex@northside.example",
        "email_safe": "on",
        "expires_at": expires.strftime("%Y-%m-%d %H:%M"),
    }
    data.update(changes)
    return data


def test_a_ladder_manager_creates_an_invitation_and_the_lead_gets_both_links(
    manager, partner, assessment_page, django_capture_on_commit_callbacks
):
    client = logged_in(manager)
    assert client.get(ADD_URL).status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, form(partner))
    assert response.status_code == 302, text(response)[:3000]
    invitation = Invitation.objects.get()
    assert response["Location"] == reverse(
        "wagtailsnippets_ladder_invitation:inspect", args=(invitation.pk,)
    )
    assert invitation.created_by == manager
    assert invitation.scope_kind == "project"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alex@northside.example"]
    assert "Hello Alex Lead" in message.body
    assert "http://testserver" + answer_url(invitation) in message.body
    assert "http://testserver" + lead_url(invitation) in message.body
    assert "project 'Young people's research panel'" in message.subject
    # The links in the email work.
    assert Client().get(answer_url(invitation)).status_code == 200
    assert Client().get(lead_url(invitation)).status_code == 200


def test_a_lead_whose_email_is_not_safe_gets_a_neutral_email_and_the_manager_their_reference(
    manager, partner, assessment_page, django_capture_on_commit_callbacks
):
    client = logged_in(manager)
    data = form(partner)
    del data["email_safe"]  # "their email is safe" unticked
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(ADD_URL, data, follow=True)
    invitation = Invitation.objects.get()
    assert not invitation.email_safe
    assert f"Tell them their reference, {invitation.reference}, another way" in text(response)
    (message,) = mail.outbox
    assert message.subject.startswith("A message from ")
    assert "Young people" not in message.body and partner.title not in message.body
    assert lead_url(invitation) not in message.body


def test_bad_input_is_refused_beside_the_field_and_nothing_is_saved(
    manager, partner, assessment_page
):
    client = logged_in(manager)
    response = client.post(ADD_URL, form(partner, scope_name="", contact_email="not-an-email"))
    assert response.status_code == 200
    body = text(response)
    assert "This field is required" in body
    assert "Enter a valid email address" in body
    assert "Young people" not in body or 'value="not-an-email"' in body
    assert not Invitation.objects.exists()
    assert not mail.outbox


def test_lead_contacts_are_shown_only_to_personal_data(
    manager, manager_with_personal_data, partner, assessment_page
):
    invitation = make_invitation(partner, contact_email="alex@northside.example")
    inspect = reverse("wagtailsnippets_ladder_invitation:inspect", args=(invitation.pk,))
    edit = reverse("wagtailsnippets_ladder_invitation:edit", args=(invitation.pk,))
    listing = reverse("wagtailsnippets_ladder_invitation:list")

    client = logged_in(manager)
    for url in (inspect, edit, listing, listing + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 200, url
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert b"alex@northside.example" not in body, url
        assert b"Alex Lead" not in body, url
    assert not PersonalDataAccess.objects.exists()

    client = logged_in(manager_with_personal_data)
    assert "alex@northside.example" in text(client.get(inspect))
    assert PersonalDataAccess.objects.filter(action="viewed", record_id=str(invitation.pk)).exists()
    assert 'value="alex@northside.example"' in text(client.get(edit))


def test_editing_by_a_manager_without_personal_data_keeps_the_lead_contact(
    manager, partner, assessment_page
):
    invitation = make_invitation(partner, contact_email="alex@northside.example")
    edit = reverse("wagtailsnippets_ladder_invitation:edit", args=(invitation.pk,))
    data = form(partner, scope_name="Renamed panel")
    del data["lead_name"], data["contact_email"]
    response = logged_in(manager).post(edit, data)
    assert response.status_code == 302, text(response)[:3000]
    invitation.refresh_from_db()
    assert invitation.scope_name == "Renamed panel"
    assert invitation.contact_email == "alex@northside.example"


def test_revoke_and_resend_from_the_admin(
    manager, partner, assessment_page, django_capture_on_commit_callbacks
):
    invitation = make_invitation(partner)
    client = logged_in(manager)
    inspect = text(
        client.get(reverse("wagtailsnippets_ladder_invitation:inspect", args=(invitation.pk,)))
    )
    assert answer_url(invitation) in inspect
    assert lead_url(invitation) not in inspect  # the lead's link is theirs alone
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailsnippets_ladder_invitation:resend", args=(invitation.pk,)))
    assert len(mail.outbox) == 1
    client.post(reverse("wagtailsnippets_ladder_invitation:revoke", args=(invitation.pk,)))
    invitation.refresh_from_db()
    assert invitation.is_revoked
    assert Client().get(answer_url(invitation)).status_code == 410


def test_editors_and_moderators_cannot_manage_invitations(
    editor, moderator, partner, assessment_page
):
    invitation = make_invitation(partner)
    for user in (editor, moderator):
        client = logged_in(user)
        assert client.get(ADD_URL).status_code in (302, 403)
        assert client.get(reverse("wagtailsnippets_ladder_invitation:list")).status_code in (
            302,
            403,
        )
        response = client.post(
            reverse("wagtailsnippets_ladder_invitation:revoke", args=(invitation.pk,))
        )
        assert response.status_code in (302, 403)
        invitation.refresh_from_db()
        assert not invitation.is_revoked


def test_invitation_text_is_edited_in_settings_and_must_keep_both_links(
    manager, partner, assessment_page, django_capture_on_commit_callbacks
):
    client = logged_in(manager)
    url = reverse(
        "wagtailsettings:edit", args=("ladder", "laddersettings", LadderSettings.load().pk)
    )
    response = client.post(
        url,
        {
            "invitation_subject": "Ladder: {partner}",
            "invitation_body": "Hi {lead_name}. Share {answer_link}. Yours only: {lead_link}.",
            "invitation_valid_days": "30",
            "result_link_subject": "Your result from {sent_on}",
            "result_link_body": "Here is your result: {link} (reference {reference}).",
        },
    )
    assert response.status_code == 302, text(response)[:2000]
    response = client.post(
        url,
        {
            "invitation_subject": "Ladder: {partnr}",
            "invitation_body": "Hi. Share {answer_link}.",
            "invitation_valid_days": "30",
            "result_link_subject": "Your result",
            "result_link_body": "Here is your result.",
        },
    )
    assert response.status_code == 200
    body = text(response)
    assert "We cannot fill in {partnr}" in body
    assert "The email must contain {lead_link}." in body
    assert "The email must contain {link}." in body  # the result link's email (issue 22)
    assert LadderSettings.load().invitation_subject == "Ladder: {partner}"
    assert LadderSettings.load().result_link_body.startswith("Here is your result: {link}")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD_URL, form(partner))
    message = mail.outbox[0]
    assert message.subject == "Ladder: Northside Housing"
    invitation = Invitation.objects.get()
    assert message.body.startswith("Hi Alex Lead. Share http://testserver" + answer_url(invitation))
