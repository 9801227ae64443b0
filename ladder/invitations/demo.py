"""Demo invited team assessments: a few partners answered by staff, volunteers
and community members, two of them published, one with an earlier round for
the same service so the history shows a change. Idempotent: an invitation is
found by its partner and scope. Called from ``ladder.demo_content.load``.
"""

from datetime import timedelta

from django.utils import timezone

from ladder.invitations.services import request_publication
from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import Invitation, Respondent
from ladder.models.publications import Publication
from ladder.submission import submit
from ladder.team_results import team_results
from partners.models import PartnerPage

# partner slug, scope kind, scope name, days ago, publish?, respondents (relation, pick)
DEMO_INVITATIONS = [
    (
        "castlebrook-council",
        "service",
        "Hardship fund panel",
        420,
        False,
        [("staff", 1), ("staff", 2), ("community", 0), ("community", 1)],
    ),
    (
        "castlebrook-council",
        "service",
        "Hardship fund panel",
        30,
        True,
        [("staff", 3), ("staff", 3), ("volunteer", 2), ("community", 2), ("community", 1)],
    ),
    (
        "hearthway-homes",
        "team",
        "Repairs and tenant voice team",
        60,
        True,
        [("staff", 3), ("staff", 2), ("community", 0), ("community", 1), ("community", 0)],
    ),
    (
        "open-door-recovery",
        "project",
        "Peer mentors project",
        15,
        False,
        [("staff", 2), ("volunteer", 3), ("community", 3)],
    ),
]


def answer_as(invitation, version, relation, pick, when):
    assessment, _token = SelfAssessment.start(version)
    assessment.partner = invitation.partner
    assessment.organisation_name = invitation.partner.title
    assessment.scope_type = invitation.scope_kind
    assessment.scope_name = invitation.scope_name
    assessment.role = "Staff member" if relation == "staff" else "Member of the group"
    assessment.took_part = "alone"
    for theme_number, theme in enumerate(version.themes):
        for question_number, question in enumerate(theme["questions"]):
            options = question["options"]
            index = min(len(options) - 1, max(0, pick - (theme_number + question_number) % 2))
            assessment.answers[question["key"]] = options[index]["key"]
    assessment.save()
    Respondent.objects.create(invitation=invitation, assessment=assessment, relation=relation)
    submit(assessment)
    SelfAssessment.objects.filter(pk=assessment.pk).update(submitted_at=when, created_at=when)


def load(stdout, questionnaire):
    version = questionnaire.latest_version() if questionnaire else None
    if version is None:
        return 0
    made = 0
    now = timezone.now()
    for slug, kind, scope, days_ago, publish, people in DEMO_INVITATIONS:
        partner = PartnerPage.objects.filter(slug=slug).first()
        if partner is None:
            continue
        when = now - timedelta(days=days_ago)
        if Invitation.objects.filter(
            partner=partner, scope_name=scope, created_at__date=timezone.localdate(when)
        ).exists():
            continue
        invitation = Invitation.objects.create(
            partner=partner,
            scope_kind=kind,
            scope_name=scope,
            lead_name="Demo lead contact",
            contact_email=f"lead@{slug}.example",
            expires_at=when + timedelta(days=60),
        )
        Invitation.objects.filter(pk=invitation.pk).update(created_at=when)
        invitation.refresh_from_db()
        for number, (relation, pick) in enumerate(people):
            answer_as(invitation, version, relation, pick, when + timedelta(days=number + 1))
        if publish:
            result = team_results([invitation])[invitation.pk]
            publication = request_publication(invitation, result)
            Publication.objects.filter(pk=publication.pk).update(
                status=Publication.Status.APPROVED, decided_at=when + timedelta(days=10)
            )
        made += 1
    stdout.write(f"Ladder: {made} new invited team assessments.")
    return made
