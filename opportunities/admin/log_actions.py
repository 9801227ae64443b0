"""How this app's entries read in Wagtail's history and audit log."""

from wagtail.log_actions import LogFormatter

from opportunities.choices import (
    CLOSE_EARLY_LOG,
    PLACES_FILLED_LOG,
    STATUS_LOG_ACTION,
    InterestStatus,
)


class StatusChanged(LogFormatter):
    label = "Change status"

    def format_message(self, log_entry):
        labels = dict(InterestStatus.choices)
        data = log_entry.data or {}
        who = " by the person, using their private link" if data.get("by_person") else ""
        return (
            f"Status changed from {labels.get(data.get('from'), data.get('from'))} "
            f"to {labels.get(data.get('to'), data.get('to'))}{who}."
        )


def register_quick_action_log_actions(actions):
    actions.register_action(
        PLACES_FILLED_LOG, "Mark places filled", "Places marked filled: the opportunity is full."
    )
    actions.register_action(
        CLOSE_EARLY_LOG, "Close early", "Closed early, before its closing date."
    )


def register_interest_log_actions(actions):
    actions.register_action(STATUS_LOG_ACTION)(StatusChanged)
