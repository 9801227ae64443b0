"""How this app's entries read in a payment's history and the audit log."""

from wagtail.log_actions import LogFormatter

from payments.choices import RECORDED_PAID_LOG, PaidHow


class RecordedPaid(LogFormatter):
    label = "Record paid"

    def format_message(self, log_entry):
        data = log_entry.data or {}
        how = dict(PaidHow.choices).get(data.get("paid_how"), data.get("paid_how"))
        return f"Recorded paid on {data.get('paid_on')} by {how}, through {data.get('via')}."


def register_payment_log_actions(actions):
    actions.register_action(RECORDED_PAID_LOG)(RecordedPaid)
