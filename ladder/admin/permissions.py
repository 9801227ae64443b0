"""Who may see what in the ladder's admin, and the publication requests' policy.

- Assessments' contact emails and invitations' lead contacts (names and
  emails): those who may see personal data (``privacy.permissions``: the
  *Personal data* group); each look at a lead contact is recorded.
- Publication requests: *Moderators* decide them (``ladder.decide_publication``);
  nobody adds, edits or deletes them, superusers included.
"""

from ladder.models.publications import Publication
from privacy.permissions import RestrictedActionsPolicy

DECIDE_PERMISSION = "ladder.decide_publication"

# Requests come from lead contacts and change only by decision.
publication_policy = RestrictedActionsPolicy(Publication, refused={"add", "change", "delete"})


def sees_assessments(user):
    return user.has_perm("ladder.view_selfassessment")
