"""Invitations in tests: make one, answer it as a person would, read the lead page."""

import re
from datetime import timedelta

from django.utils import timezone

from ladder.models import Invitation, SelfAssessment
from partners.models import PartnerIndexPage
from tests.ladder.journey_helpers import START_URL, answers_for
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

INVITED_ABOUT = {
    "name": "Sam",
    "relation": "community",
    "role": "Member of the tenants' panel",
    "took_part": "alone",
    "contact_email": "",
}


def make_partner_index(home_page):
    return PartnerIndexPage.objects.first() or PartnerIndexPageFactory(parent=home_page)


def make_partner(home_page, title="Northside Housing", slug=None):
    return PartnerPageFactory(
        parent=make_partner_index(home_page),
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        summary=f"{title} summary.",
    )


def make_invitation(partner, scope_name="Tenants' voice panel", **fields):
    fields.setdefault("lead_name", "Alex Lead")
    fields.setdefault("contact_email", "lead@example.org")
    fields.setdefault("expires_at", timezone.now() + timedelta(days=30))
    return Invitation.objects.create(partner=partner, scope_name=scope_name, **fields)


def answer_url(invitation):
    return f"{START_URL}i/{invitation.answer_token}/"


def lead_url(invitation):
    return f"{START_URL}lead/{invitation.lead_token}/"


def answer(client, invitation, relation="community", pick=0, about=None):
    """Answer the invitation start to finish; ``pick`` is an option index (or 'na')
    for every question, or a dict of step number to index. Returns the assessment."""
    response = client.post(answer_url(invitation), {"website_url": ""})
    assert response.status_code == 302, response.content.decode()[:1000]
    token = re.search(r"/a/([A-Za-z0-9_-]+)/about/$", response["Location"]).group(1)
    base = f"{START_URL}a/{token}/"
    data = {**INVITED_ABOUT, "relation": relation, **(about or {})}
    response = client.post(base + "about/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = SelfAssessment.objects.for_token(token).get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        choice = pick.get(number, 0) if isinstance(pick, dict) else pick
        response = client.post(base + f"step/{number}/", answers_for(theme, choice))
        assert response.status_code == 302
    response = client.post(base + "check/")
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment.refresh_from_db()
    assessment.token = token
    return assessment


def respond_quickly(invitation, version, relation="community", pick=0, name=""):
    """A submitted respondent made directly (for large data sets), scored by the
    same ``submit`` as the journey. ``pick`` is an option index for every question."""
    from ladder.models import Respondent
    from ladder.submission import submit

    assessment, _ = SelfAssessment.start(version)
    assessment.partner = invitation.partner
    assessment.scope_type = invitation.scope_kind
    assessment.scope_name = invitation.scope_name
    assessment.took_part = "alone"
    assessment.role = "Someone"
    assessment.answers = {
        question["key"]: question["options"][min(pick, len(question["options"]) - 1)]["key"]
        for theme in version.themes
        for question in theme["questions"]
    }
    assessment.save()
    Respondent.objects.create(
        invitation=invitation, assessment=assessment, relation=relation, name=name
    )
    return submit(assessment)
