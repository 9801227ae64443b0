"""The personal data log and the text messages' record in the admin: superusers
only, read-only."""

from wagtail.admin.viewsets.model import ModelViewSet

from privacy.models import PersonalDataAccess, TextMessage


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


class TextMessageViewSet(ModelViewSet):
    """Where each text message stands: queued, waiting for the morning, retrying,
    sent or failed, with the last error. Superusers only, read-only, and it
    shows no number and no words (those are for access requests)."""

    model = TextMessage
    icon = "mail"
    menu_label = "Text messages"
    add_to_settings_menu = True
    list_display = ["created_at", "kind", "status", "attempts", "last_error", "sent_at"]
    list_filter = ["status", "kind"]
    inspect_view_enabled = False
    ordering = ["-created_at"]
    form_fields = ["status"]
