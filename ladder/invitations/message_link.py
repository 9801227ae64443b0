"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for an invitation's lead contact: their page, under the live self-assessment."""

from ladder.models.invitations import Invitation
from ladder.self_assessment_links import self_assessment_target


def lead_page_target(request, token):
    invitation = Invitation.objects.for_lead_token(token).not_revoked().first()
    if invitation is None:
        return None
    return self_assessment_target(
        "lead", invitation.lead_token, record=invitation, key=invitation.lead_token_hash
    )
