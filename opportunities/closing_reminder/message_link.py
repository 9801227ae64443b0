"""Where the neutral link ``/m/<token>/`` leads for a closing reminder: its private page."""

from home.private_links import hash_token
from opportunities.closing_reminder.services import private_path
from opportunities.models.closing_reminders import ClosingReminder
from privacy.contact_wishes.links import LinkTarget


def closing_reminder_target(request, token):
    reminder = (
        ClosingReminder.objects.filter(token_hash=hash_token(token))
        .select_related("opportunity")
        .first()
    )
    if reminder is None:
        return None
    page = reminder.opportunity
    return LinkTarget(
        record=reminder, key=reminder.token_hash, url=private_path(page, token, request)
    )
