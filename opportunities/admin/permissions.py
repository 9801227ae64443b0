"""Who may see and follow up expressions of interest in the admin.

The model permissions (held by the *Personal data* group) and the one
personal-data permission together; nobody, superusers included, adds a
record by hand: records come only from the public form.
"""

from opportunities.models.interest import ExpressionOfInterest
from privacy.permissions import RestrictedActionsPolicy

interest_policy = RestrictedActionsPolicy(ExpressionOfInterest, refused={"add"}, personal_data=True)


def may_see_expressions_of_interest(user):
    return interest_policy.user_has_any_permission(user, {"view", "change"})
