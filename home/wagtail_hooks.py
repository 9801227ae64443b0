"""Registers home's admin screens and permission policies (defined in
``home.admin``); nothing else belongs here."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from home.admin.permissions import ReadOnlyPermissionPolicy
from home.admin.viewsets import PersonalDataAccessViewSet, TaxonomyGroup
from home.models import PersonalDataAccess

register_snippet(TaxonomyGroup)
register_permission_policy(PersonalDataAccess, ReadOnlyPermissionPolicy(PersonalDataAccess))
personal_data_access_viewset = PersonalDataAccessViewSet("personal_data_access")


@hooks.register("register_admin_viewset")
def register_personal_data_access_viewset():
    return personal_data_access_viewset
