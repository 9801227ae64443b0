"""Where the neutral link ``/m/<token>/`` (privacy.contact_wishes.links) leads
for an expression of interest: its private status page."""

from home.private_links import hash_token
from opportunities.interest.services import find_by_token
from opportunities.models.interest import ExpressionOfInterest
from privacy.contact_wishes.links import LinkTarget


def interest_status_target(request, token):
    record = (
        ExpressionOfInterest.objects.filter(token_hash=hash_token(token))
        .select_related("opportunity")
        .first()
    )
    page = record.opportunity if record is not None else None
    if page is None or find_by_token(page, token) is None:
        return None  # unknown, or expired
    path = page.url + page.reverse_subpage("interest_status", args=(token,))
    return LinkTarget(record=record, key=record.token_hash, url=path)
