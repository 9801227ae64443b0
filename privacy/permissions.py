"""Who may see people's personal data, and the permission policy for records
that some actions must never touch.

One permission means "may see personal data": ``privacy.view_personal_data``,
held by the *Personal data* group (given by a data migration). Every check,
in every app, goes through ``can_see_personal_data`` (or, for an edit-form
field, ``FieldPanel(..., permission=VIEW_PERSONAL_DATA)``). Active
superusers pass, as they pass every permission check.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Model, Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

VIEW_PERSONAL_DATA = "privacy.view_personal_data"


def can_see_personal_data(user: Any) -> bool:
    """May this person see people's names, contact details and what they told us?"""
    return bool(user.has_perm(VIEW_PERSONAL_DATA))


def users_who_can_see_personal_data() -> QuerySet[Any]:
    """Active users holding the permission, through a group or directly, and superusers."""
    app_label, codename = VIEW_PERSONAL_DATA.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .filter(is_active=True)
        .distinct()
    )


class RestrictedActionsPolicy(ModelPermissionPolicy):  # type: ignore[misc]
    """Model permissions, except that:

    - ``refused`` actions are refused to everyone, superusers included (records
      that come only from a public form, a log nobody may rewrite, requests that
      change only by a decision);
    - with ``personal_data``, every action also needs the personal-data
      permission, so a model permission alone never shows a person's records.
    """

    def __init__(
        self, model: type[Model], *, refused: Iterable[str] = (), personal_data: bool = False
    ) -> None:
        super().__init__(model)
        self.refused = frozenset(refused)
        self.personal_data = personal_data

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in self.refused:
            return False
        if self.personal_data and not can_see_personal_data(user):
            return False
        return bool(super().user_has_permission(user, action))

    def user_has_any_permission(self, user: Any, actions: Iterable[str]) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet[Any]:
        allowed = [action for action in actions if action not in self.refused]
        if not allowed:
            return get_user_model().objects.none()
        users: QuerySet[Any] = super().users_with_any_permission(allowed)
        if self.personal_data:
            users = users.filter(pk__in=users_who_can_see_personal_data().values("pk"))
        return users
