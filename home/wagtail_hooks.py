from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from home.models import AccessSupport, Area, PersonalDataAccess, Sector, Topic


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "description", "slug"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]
    form_fields = ["name", "slug", "description"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Topics"


class AreaViewSet(TaxonomyViewSet):
    model = Area
    icon = "site"
    menu_label = "Areas"


class SectorViewSet(TaxonomyViewSet):
    model = Sector
    icon = "group"
    menu_label = "Sectors"


class AccessSupportViewSet(TaxonomyViewSet):
    model = AccessSupport
    icon = "help"
    menu_label = "Access support"


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Lists and categories"
    menu_icon = "tag"
    menu_order = 300
    items = (TopicViewSet, AreaViewSet, SectorViewSet, AccessSupportViewSet)


register_snippet(TaxonomyGroup)


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Nobody, superusers included, may add, change or delete log entries."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class PersonalDataAccessViewSet(ModelViewSet):
    """The log of views and exports of personal data: superusers only, read-only."""

    model = PersonalDataAccess
    icon = "history"
    menu_label = "Personal data log"
    add_to_settings_menu = True
    list_display = ["when", "username", "action", "record_type", "record_id", "count"]
    list_filter = ["action", "record_type"]
    inspect_view_enabled = True
    ordering = ["-when"]
    form_fields = ["detail"]


register_permission_policy(PersonalDataAccess, ReadOnlyPermissionPolicy(PersonalDataAccess))
personal_data_access_viewset = PersonalDataAccessViewSet("personal_data_access")


@hooks.register("register_admin_viewset")
def register_personal_data_access_viewset():
    return personal_data_access_viewset
