"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for a ladder record: one of the live self-assessment page's routes, for each
flow's finder (``ladder.journey.message_link``, ``ladder.invitations.message_link``)."""

from wagtail.models import Page

from privacy.contact_wishes.links import LinkTarget


def self_assessment_target(route, token, record, key):
    """``record``'s page: ``route`` with ``token`` on the live self-assessment
    page; None while no self-assessment page is live."""
    # The page by its type's name: flows are handed pages, never import their classes.
    page = (
        Page.objects.live()
        .filter(content_type__app_label="ladder", content_type__model="selfassessmentpage")
        .first()
    )
    if page is None:
        return None
    page = page.specific
    path = page.url + page.reverse_subpage(route, args=(token,))
    return LinkTarget(record=record, key=key, url=path)
