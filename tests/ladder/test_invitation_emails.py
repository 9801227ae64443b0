"""The exact words of every email to an invitation's lead contact.

The partner's name carries an apostrophe and an ampersand: emails are plain
text, so neither may come out HTML-escaped.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home.models import SiteSettings
from ladder.invitations.services import approve, decline, request_publication
from ladder.models import Invitation
from ladder.team_results import team_result_with_history
from tests.conftest import make_user
from tests.ladder.invitation_helpers import (
    answer,
    answer_url,
    lead_url,
    make_invitation,
    make_partner,
)

pytestmark = pytest.mark.django_db

PARTNER = "Brook & Sons' Housing"
ORGANISATION = "Co-pro & Partners"


@pytest.fixture(autouse=True)
def organisation(db):
    settings = SiteSettings.load()
    settings.organisation_name = ORGANISATION
    settings.save()


@pytest.fixture
def partner(home_page):
    return make_partner(home_page, title=PARTNER, slug="brook-housing")


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    def run(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return list(mail.outbox)

    return run


def test_invitation_in_the_default_wording(partner, assessment_page, sent, django_user_model):
    client = Client()
    client.force_login(make_user(django_user_model, "manager", ["Ladder managers"]))
    expires = timezone.localtime() + timedelta(days=45)
    data = {
        "partner": partner.pk,
        "scope_kind": "project",
        "scope_name": "Young people's panel",
        "lead_name": "Alex O'Lead",
        "contact_email": "alex@example.org",
        "email_safe": "on",
        "expires_at": expires.strftime("%Y-%m-%d %H:%M"),
    }
    (message,) = sent(lambda: client.post(reverse("wagtailsnippets_ladder_invitation:add"), data))
    invitation = Invitation.objects.get()
    assert message.to == ["alex@example.org"]
    assert message.subject == (
        f"{ORGANISATION}: your invitation to assess a project 'Young people's panel' on our ladder"
    )
    assert message.body == (
        "Hello Alex O'Lead,\n\n"
        f"Thank you for agreeing to look at how {PARTNER} involves people, using our Ladder "
        "of Community Participation. This invitation is for a project 'Young people's panel'.\n\n"
        "Please share this link with the people who will answer: staff, volunteers and the "
        "community members you work with. Each person answers on their own. It takes about "
        "15 minutes, and nobody else sees their own answers:\n\n"
        f"http://testserver{answer_url(invitation)}\n\n"
        "This second link is for you alone. It shows the combined result as answers arrive, "
        "where people's views differ, and lets you ask us to publish the result on your "
        "profile, or take it down again:\n\n"
        f"http://testserver{lead_url(invitation)}\n\n"
        f"The links take answers until {expires:%-d %B %Y}.\n\n"
        "With thanks,\n"
        f"{ORGANISATION}\n"
    )


@pytest.mark.parametrize(
    ("lead_name", "greeting"), [("Alex O'Lead", "Hello Alex O'Lead,"), ("", "Hello,")]
)
def test_new_answer(partner, assessment_page, sent, lead_name, greeting):
    invitation = make_invitation(partner, lead_name=lead_name)
    (message,) = sent(lambda: answer(Client(), invitation))
    assert message.to == ["lead@example.org"]
    assert message.subject == "A new answer to your ladder invitation"
    assert message.body == (
        f"{greeting}\n\n"
        "Someone has just answered your invitation to the ladder self-assessment. "
        "See the combined result so far at your private link:\n\n"
        f"http://testserver{lead_url(invitation)}\n\n"
        f"{ORGANISATION}\n"
    )


@pytest.fixture
def requested(partner, assessment_page, rungs):
    invitation = make_invitation(partner)
    answer(Client(), invitation, relation="staff", pick=2)
    answer(Client(), invitation, relation="community", pick=2)
    return request_publication(invitation, team_result_with_history(invitation, rungs))


def test_rung_published(requested, assessment_page, sent, moderator):
    (message,) = sent(lambda: approve(requested, moderator, assessment_page))
    assert message.subject == "Your ladder result is now on your profile"
    assert message.body == (
        "Hello Alex Lead,\n\n"
        f"We have published rung {requested.rung_level}, {requested.rung_name}, on "
        f"{PARTNER}'s profile. You can take it down at any time from your private link.\n\n"
        f"http://testserver{lead_url(requested.invitation)}\n\n"
        f"{ORGANISATION}\n"
    )


@pytest.mark.parametrize(
    ("reason", "news"),
    [
        ("", "We have decided not to publish your ladder result this time."),
        (
            "Only two people answered & both were staff.",
            "We have decided not to publish your ladder result this time. "
            "Our reason: Only two people answered & both were staff.",
        ),
    ],
)
def test_rung_not_published(requested, assessment_page, sent, moderator, reason, news):
    (message,) = sent(lambda: decline(requested, moderator, assessment_page, reason))
    assert message.subject == "We have not published your ladder result"
    assert message.body == (
        f"Hello Alex Lead,\n\n{news}\n\n"
        f"http://testserver{lead_url(requested.invitation)}\n\n"
        f"{ORGANISATION}\n"
    )
