"""Publication: the lead contact asks, a moderator decides, the profile shows it."""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from home.models import SiteSettings
from ladder.models import Publication, SelfAssessment
from tests.conftest import make_user
from tests.ladder.invitation_helpers import answer, lead_url, make_invitation, make_partner
from tests.ladder.journey_helpers import complete
from tests.responses import text

pytestmark = pytest.mark.django_db

PUBLIC_MARK = "On our ladder"


@pytest.fixture
def partner(home_page):
    return make_partner(home_page)


@pytest.fixture
def invitation(partner, assessment_page):
    invitation = make_invitation(partner)
    answer(Client(), invitation, relation="staff", pick=2)
    answer(Client(), invitation, relation="community", pick=2)
    return invitation


def ask(client, invitation):
    response = client.post(lead_url(invitation), {"action": "request"})
    assert response.status_code == 302, text(response)[:2000]
    return Publication.objects.filter(invitation=invitation).latest("requested_at")


def decide(moderator_client, publication, decision, reason=""):
    url = reverse(f"wagtailsnippets_ladder_publication:{decision}", args=(publication.pk,))
    response = moderator_client.post(url, {"reason": reason})
    assert response.status_code == 302
    publication.refresh_from_db()
    return publication


def public_pages(client, partner):
    """Every public page a rung could appear on, with the partner's JSON-LD."""
    profile = text(client.get(partner.url))
    directory = text(client.get(partner.get_parent().url))
    ladder = text(client.get("/ladder/"))
    start = text(client.get("/ladder/self-assessment/"))
    home = text(client.get("/"))
    json_ld = re.search(r'<script type="application/ld\+json">(.*?)</script>', profile, re.S)
    return {
        "profile": profile,
        "directory": directory,
        "ladder": ladder,
        "start": start,
        "home": home,
        "json_ld": json_ld.group(1) if json_ld else "",
    }


def assert_no_rung_anywhere(client, partner):
    pages = public_pages(client, partner)
    assert PUBLIC_MARK not in pages["profile"]
    assert "Ladder rung 5" not in pages["directory"]
    assert "No partner has published a rung yet" in pages["ladder"]
    for name, body in pages.items():
        assert "Rung 5: <strong>" not in body, name
    data = json.loads(pages["json_ld"])
    assert not any("rung" in str(value).lower() for value in data.values())


def test_not_shown_before_approval(client, invitation, partner, rungs):
    assert_no_rung_anywhere(client, partner)
    ask(client, invitation)
    assert_no_rung_anywhere(client, partner)
    body = text(client.get(lead_url(invitation) + "?done=requested"))
    assert "We have your request" in body
    assert "We will email you when we have decided" in body


def test_moderator_approves_and_every_public_page_shows_it(
    client, invitation, partner, moderator, rungs, django_capture_on_commit_callbacks
):
    publication = ask(client, invitation)
    assert publication.rung_level == 5 and publication.respondent_count == 2
    moderator_client = Client()
    moderator_client.force_login(moderator)
    inspect = moderator_client.get(
        reverse("wagtailsnippets_ladder_publication:inspect", args=(publication.pk,))
    )
    assert "Approve and publish" in text(inspect)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, publication, "approve")
    assert publication.status == "approved"
    assert publication.decided_by == moderator
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lead@example.org"]
    assert lead_url(invitation) in mail.outbox[0].body

    pages = public_pages(client, partner)
    assert PUBLIC_MARK in pages["profile"]
    assert "Rung 5: <strong>Rung 5</strong>" in pages["profile"]
    assert "service “Tenants&#x27; voice panel”" in pages["profile"]
    assert publication.assessed_on.strftime("%-d %B %Y") in pages["profile"]
    assert "Ladder rung 5: Rung 5" in pages["directory"]
    assert "1 partner has published its rung" in pages["ladder"]
    # The rung filter on the directory finds the partner at its rung only.
    directory = partner.get_parent().url
    assert partner.title in text(client.get(directory + "?rung=5"))
    assert partner.title not in text(client.get(directory + "?rung=3"))
    assert "No partners match" in text(client.get(directory + "?rung=3"))


def test_decline_emails_the_reason_and_shows_nothing(
    client, invitation, partner, moderator, django_capture_on_commit_callbacks
):
    publication = ask(client, invitation)
    moderator_client = Client()
    moderator_client.force_login(moderator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decide(moderator_client, publication, "decline", reason="Only two people answered.")
    assert publication.status == "declined"
    assert "Only two people answered." in mail.outbox[0].body
    assert_no_rung_anywhere(client, partner)
    body = text(client.get(lead_url(invitation)))
    assert "not to publish" in body and "Only two people answered." in body
    # They may ask again.
    assert ask(client, invitation).status == "requested"


def test_lead_withdraws_by_link(client, invitation, partner, moderator):
    publication = ask(client, invitation)
    moderator_client = Client()
    moderator_client.force_login(moderator)
    decide(moderator_client, publication, "approve")
    assert PUBLIC_MARK in text(client.get(partner.url))
    response = client.post(lead_url(invitation), {"action": "withdraw"})
    assert response.status_code == 302
    publication.refresh_from_db()
    assert publication.status == "withdrawn"
    assert_no_rung_anywhere(client, partner)
    assert "Taken down" in text(client.get(response["Location"]))


def test_a_newer_approval_replaces_the_older(client, invitation, partner, moderator, home_page):
    moderator_client = Client()
    moderator_client.force_login(moderator)
    first = decide(moderator_client, ask(client, invitation), "approve")
    newer = make_invitation(partner, scope_name="Repairs team", scope_kind="team")
    answer(Client(), newer, relation="community", pick=0)
    second = decide(moderator_client, ask(client, newer), "approve")
    first.refresh_from_db()
    assert first.status == "replaced" and second.status == "approved"
    profile = text(client.get(partner.url))
    current = profile.split("Published over time")[0]
    assert "Repairs team" in current
    assert "Tenants&#x27; voice panel" not in current
    assert profile.count(PUBLIC_MARK) == 1
    # The replaced rung stays in the dated history, under its own scope.
    history = profile.split("Published over time")[1]
    assert "<caption>A service: Tenants&#x27; voice panel</caption>" in history
    assert "<caption>A team: Repairs team</caption>" in history
    ladder = text(client.get("/ladder/"))
    assert "1 partner has published its rung" in ladder


def test_cannot_ask_twice_or_with_no_rung(client, invitation, partner, assessment_page):
    ask(client, invitation)
    response = client.post(lead_url(invitation), {"action": "request"})
    assert response.status_code == 409
    assert "You have already asked" in text(response)
    empty = make_invitation(partner, scope_name="Nobody answered")
    response = client.post(lead_url(empty), {"action": "request"})
    assert response.status_code == 409
    assert "There is no combined rung to publish yet." in text(response)
    assert Publication.objects.count() == 1


def test_a_revoked_invitation_stops_showing_and_cannot_be_approved(
    client, invitation, partner, moderator
):
    moderator_client = Client()
    moderator_client.force_login(moderator)
    decide(moderator_client, ask(client, invitation), "approve")
    invitation.revoke()
    assert_no_rung_anywhere(client, partner)


def test_the_site_setting_hides_every_published_rung(client, invitation, partner, moderator):
    moderator_client = Client()
    moderator_client.force_login(moderator)
    decide(moderator_client, ask(client, invitation), "approve")
    settings = SiteSettings.load()
    settings.show_partner_rungs = False
    settings.save()
    assert_no_rung_anywhere(client, partner)
    assert 'name="rung"' not in text(client.get(partner.get_parent().url))


def test_uninvited_assessments_never_appear_publicly(client, partner, assessment_page, rungs):
    # Someone takes the self-assessment alone and picks this partner from the list.
    token, assessment = complete(client, picks={1: 2, 2: 2, 3: 2})
    SelfAssessment.objects.filter(pk=assessment.pk).update(partner=partner)
    assert_no_rung_anywhere(client, partner)
    assert "No partner has published a rung yet" in text(client.get("/ladder/"))


def test_only_moderators_decide(client, invitation, editor, django_user_model):
    publication = ask(client, invitation)
    url = reverse("wagtailsnippets_ladder_publication:approve", args=(publication.pk,))
    for user in [editor, make_user(django_user_model, "manager", ["Ladder managers"])]:
        other = Client()
        other.force_login(user)
        response = other.post(url)
        assert response.status_code in (302, 403)
        publication.refresh_from_db()
        assert publication.status == "requested"
    # Nobody edits or adds requests in the admin, not even a superuser.
    superuser = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    other = Client()
    other.force_login(superuser)
    edit = other.get(reverse("wagtailsnippets_ladder_publication:edit", args=(publication.pk,)))
    assert edit.status_code in (302, 403)
    assert other.get(reverse("wagtailsnippets_ladder_publication:add")).status_code in (302, 403)


def test_every_step_is_in_the_audit_log(client, invitation, moderator):
    from wagtail.models import ModelLogEntry

    moderator_client = Client()
    moderator_client.force_login(moderator)
    publication = decide(moderator_client, ask(client, invitation), "approve")
    client.post(lead_url(invitation), {"action": "withdraw"})
    entries = list(
        ModelLogEntry.objects.filter(
            object_id=str(publication.pk), content_type__model="publication"
        )
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )
    assert entries == [
        ("ladder.publication.request", None),
        ("ladder.publication.approve", "moderator"),
        ("ladder.publication.withdraw", None),
    ]


def history_on(client, partner):
    profile = text(client.get(partner.url))
    if "Published over time" not in profile:
        return ""
    return profile.split("Published over time")[1].split("</section>")[0]


def test_published_history_shows_only_approved_entries_and_withdrawing_hides_one(
    client, invitation, partner, moderator, assessment_page
):
    moderator_client = Client()
    moderator_client.force_login(moderator)
    first = decide(moderator_client, ask(client, invitation), "approve")
    assert history_on(client, partner) == ""  # one rung: nothing more to say
    Publication.objects.filter(pk=first.pk).update(assessed_on="2026-03-02")
    again = make_invitation(partner)  # the same scope, a year on
    answer(Client(), again, relation="community", pick=0)
    answer(Client(), again, relation="staff", pick=0)
    requested = ask(client, again)
    # Asked but not approved: not in the history.
    assert history_on(client, partner) == ""
    decide(moderator_client, requested, "approve")
    history = history_on(client, partner)
    assert history.count("<caption>") == 1  # one scope, two dated rungs
    assert "2 March 2026" in history and "Rung 5: Rung 5" in history
    assert requested.assessed_on.strftime("%-d %B %Y") in history
    assert "Rung 3: Rung 3" in history
    # The first lead contact takes their entry down: it leaves the history.
    lead_page = text(client.get(lead_url(invitation)))
    assert "Take it off the profile's history" in lead_page
    assert client.post(lead_url(invitation), {"action": "withdraw"}).status_code == 302
    first.refresh_from_db()
    assert first.status == "withdrawn"
    profile = text(client.get(partner.url))
    assert "2 March 2026" not in profile
    assert "Rung 3: <strong>Rung 3</strong>" in profile
