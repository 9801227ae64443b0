"""Registers staff sign-in's admin screens, menu items, buttons and
personal-data sources with Wagtail; defines nothing."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from privacy.permissions import RestrictedActionsPolicy
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES
from signin.admin import lockouts, reset
from signin.admin.viewsets import SignInEventViewSet
from signin.models import SignInEvent
from signin.privacy import personal_data_sources
from signin.two_factor.account import two_step_account_menu_item
from signin.two_factor.urls import two_factor_urls

# Before the viewset: Wagtail refuses a policy for a model it already made a fallback one for.
register_permission_policy(
    SignInEvent, RestrictedActionsPolicy(SignInEvent, refused={"add", "change", "delete"})
)
sign_in_log_viewset = SignInEventViewSet("sign_in_log")


@hooks.register("register_admin_viewset")
def register_sign_in_log_viewset():
    return sign_in_log_viewset


hooks.register("register_admin_urls", two_factor_urls)
hooks.register("register_admin_urls", reset.reset_urls)
hooks.register("register_admin_urls", lockouts.lockouts_urls)
hooks.register("register_settings_menu_item", lockouts.lockouts_menu_item)
hooks.register("register_user_listing_buttons", reset.reset_button)
hooks.register("register_account_menu_item", two_step_account_menu_item)
hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
