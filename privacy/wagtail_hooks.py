"""Registers the privacy app's admin screens, its own personal-data sources
and the erasure ledger's tidying after each backup with Wagtail; defines nothing."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from home.backups.archive import AFTER_BACKUP
from privacy import erasure_ledger
from privacy.admin import personal_data_request
from privacy.admin.viewsets import PersonalDataAccessViewSet, TextMessageViewSet
from privacy.models import PersonalDataAccess, TextMessage
from privacy.permissions import RestrictedActionsPolicy
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES
from privacy.sources import personal_data_sources

# Before the viewset: Wagtail refuses a policy for a model it already made a fallback one for.
register_permission_policy(
    PersonalDataAccess,
    RestrictedActionsPolicy(PersonalDataAccess, refused={"add", "change", "delete"}),
)
register_permission_policy(
    TextMessage, RestrictedActionsPolicy(TextMessage, refused={"add", "change", "delete"})
)
personal_data_access_viewset = PersonalDataAccessViewSet("personal_data_access")
text_message_viewset = TextMessageViewSet("text_messages")


@hooks.register("register_admin_viewset")
def register_personal_data_access_viewset():
    return personal_data_access_viewset


@hooks.register("register_admin_viewset")
def register_text_message_viewset():
    return text_message_viewset


hooks.register("register_admin_urls", personal_data_request.personal_data_request_urls)
hooks.register("register_settings_menu_item", personal_data_request.personal_data_request_menu_item)

hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
# The ledger keeps an erasure only while some kept backup predates it.
hooks.register(AFTER_BACKUP, erasure_ledger.forget_before)
