"""Labels for the ladder's actions in Wagtail's audit log."""

from ladder.invitations.services import (
    LOG_APPROVED,
    LOG_DECLINED,
    LOG_REQUESTED,
    LOG_REVOKED,
    LOG_WITHDRAWN,
)


def register_ladder_log_actions(actions):
    actions.register_action(
        LOG_REQUESTED,
        "Ask to publish",
        "The lead contact asked for the combined rung to be published",
    )
    actions.register_action(LOG_APPROVED, "Approve", "Approved for publication")
    actions.register_action(LOG_DECLINED, "Decline", "Declined for publication")
    actions.register_action(
        LOG_WITHDRAWN, "Withdraw", "Withdrawn by the lead contact, using their link"
    )
    actions.register_action(LOG_REVOKED, "Revoke", "Links revoked")
