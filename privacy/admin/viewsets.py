"""The personal data log in the admin: superusers only, read-only."""

from wagtail.admin.viewsets.model import ModelViewSet

from privacy.models import PersonalDataAccess


class PersonalDataAccessViewSet(ModelViewSet):
    """The log of views and exports of personal data. Nobody holds its model
    permissions, so only superusers read it; nobody adds, edits or deletes
    (``RestrictedActionsPolicy``)."""

    model = PersonalDataAccess
    icon = "history"
    menu_label = "Personal data log"
    add_to_settings_menu = True
    list_display = ["when", "username", "action", "record_type", "record_id", "count"]
    list_filter = ["action", "record_type"]
    inspect_view_enabled = True
    ordering = ["-when"]
    form_fields = ["detail"]
