"""Where the neutral link ``/m/<token>/`` leads for a search alert: its private page."""

from home.private_links import hash_token
from opportunities.alerts.services import manage_path
from opportunities.models.alerts import SearchAlert
from privacy.contact_wishes.links import LinkTarget


def alert_target(request, token):
    alert = SearchAlert.objects.filter(token_hash=hash_token(token)).first()
    if alert is None:
        return None
    return LinkTarget(record=alert, key=alert.token_hash, url=manage_path(token))
