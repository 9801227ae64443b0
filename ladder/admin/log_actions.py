"""Labels for the ladder's actions in Wagtail's audit log: a short label for the
history's filter, and the entry itself as a sentence."""

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
        "The lead contact asked for the combined rung to be published.",
    )
    actions.register_action(
        LOG_APPROVED, "Approve", "Approved: the combined rung is shown on the partner's profile."
    )
    actions.register_action(
        LOG_DECLINED, "Decline", "Declined: the combined rung is not shown on the profile."
    )
    actions.register_action(
        LOG_WITHDRAWN, "Withdraw", "The lead contact withdrew it, using their link."
    )
    actions.register_action(
        LOG_REVOKED, "Revoke", "The invitation's links were revoked: they no longer open."
    )
