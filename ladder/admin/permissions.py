"""Who may see what in the ladder's admin, and the publication requests' policy.

- Assessments' contact emails: superusers and the *Personal data* group.
- Invitations' lead contacts (names and emails): ``ladder.view_lead_contact``
  (the *Personal data* group); each look is recorded.
- Publication requests: *Moderators* decide them (``ladder.decide_publication``);
  nobody adds, edits or deletes them.
"""

from wagtail.permission_policies import ModelPermissionPolicy

PERSONAL_DATA_GROUP = "Personal data"
LEAD_CONTACT_PERMISSION = "ladder.view_lead_contact"
DECIDE_PERMISSION = "ladder.decide_publication"


def can_see_personal_data(user):
    return user.is_superuser or user.groups.filter(name=PERSONAL_DATA_GROUP).exists()


def can_see_lead_contact(user):
    return user.has_perm(LEAD_CONTACT_PERMISSION)


def sees_assessments(user):
    return user.has_perm("ladder.view_selfassessment")


class DecisionOnlyPolicy(ModelPermissionPolicy):
    """Requests come from lead contacts and change only by decision: nobody,
    superusers included, adds, edits or deletes them in the admin."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
