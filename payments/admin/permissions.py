"""Who may see payments and participants' answers: the Personal data group
(the model permissions and the personal-data permission together)."""

from payments.models.feedback import Feedback
from payments.models.payment import Payment
from privacy.permissions import RestrictedActionsPolicy, can_see_personal_data

payment_policy = RestrictedActionsPolicy(Payment, personal_data=True)
# Answers come only from the person's own link: nobody adds or edits them here.
feedback_policy = RestrictedActionsPolicy(Feedback, refused={"add", "change"}, personal_data=True)


def may_record_payments(user):
    return payment_policy.user_has_any_permission(user, {"change", "add"})


def may_see_partner_records(user):
    """The partner records are built from people's answers: the team with the
    personal-data permission reads them (the same people who chase payments)."""
    return can_see_personal_data(user)
