"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for an invitation's lead contact: their page, under the live self-assessment."""

from wagtail.models import Page

from ladder.models.invitations import Invitation
from privacy.contact_wishes.links import LinkTarget


def lead_page_target(request, token):
    invitation = Invitation.objects.for_lead_token(token).not_revoked().first()
    if invitation is None:
        return None
    # The page by its type's name: flows are handed pages, never import their classes.
    page = (
        Page.objects.live()
        .filter(content_type__app_label="ladder", content_type__model="selfassessmentpage")
        .first()
    )
    if page is None:
        return None
    page = page.specific
    path = page.url + page.reverse_subpage("lead", args=(invitation.lead_token,))
    return LinkTarget(record=invitation, key=invitation.lead_token_hash, url=path)
