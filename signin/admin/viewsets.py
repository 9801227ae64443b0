"""Settings > Sign-in log: superusers only, read-only, like the personal data log."""

from wagtail.admin.viewsets.model import ModelViewSet

from signin.models import SignInEvent


class SignInEventViewSet(ModelViewSet):
    """Nobody holds this model's permissions, so only superusers read it; nobody
    adds, edits or deletes (``RestrictedActionsPolicy`` in wagtail_hooks)."""

    model = SignInEvent
    icon = "history"
    menu_label = "Sign-in log"
    add_to_settings_menu = True
    list_display = ["when", "username", "kind", "ip_address", "detail"]
    list_filter = ["kind"]
    search_fields = ["username"]
    # Searched in the database, never put in the search index.
    search_backend_name = None
    inspect_view_enabled = True
    ordering = ["-when"]
    form_fields = ["detail"]
