"""Registers this app's admin parts and slots with Wagtail; defines nothing.

In the order Wagtail lists them: snippets and the editor's pay warning,
dashboard panels, the slots other apps' pages render (opportunities/slots.py),
the quick actions on the page listing, then expressions of interest (a
permission policy that lets nobody add one by hand, bulk actions, log
messages, the personal-data request screen and its dashboard panel).
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from opportunities import slots
from opportunities.admin import (
    bulk_actions,
    dashboard,
    log_actions,
    pay_warning,
    personal_data_request,
    quick_actions,
    viewsets,
)
from opportunities.models.interest import ExpressionOfInterest

register_snippet(viewsets.BenefitRuleViewSet)

hooks.register("after_edit_page", pay_warning.warn_when_pay_is_below_living_wage)
hooks.register("after_create_page", pay_warning.warn_when_pay_is_below_living_wage)
hooks.register("construct_homepage_panels", dashboard.add_page_editor_panels)

hooks.register("slot:partner_profile_opportunities", slots.partner_profile_opportunities)
hooks.register("partner_directory_queryset", slots.annotate_open_opportunity_count)
hooks.register("slot:partner_card", slots.partner_card_open_count)
hooks.register("slot:home_featured", slots.home_featured_opportunities)

# Mark places filled / Close now, from the page listing and the page header.
hooks.register("register_admin_urls", quick_actions.quick_action_urls)
hooks.register("register_page_listing_more_buttons", quick_actions.listing_quick_actions)
hooks.register("register_page_header_buttons", quick_actions.header_quick_actions)
hooks.register("register_log_actions", log_actions.register_quick_action_log_actions)

# Expressions of interest.
register_permission_policy(
    ExpressionOfInterest, viewsets.NoAddingByHandPolicy(ExpressionOfInterest)
)
register_snippet(viewsets.ExpressionOfInterestViewSet)
hooks.register("register_bulk_action", bulk_actions.ChangeStatusBulkAction)
# Registered after Wagtail's own snippet delete action (order), so it replaces it here.
hooks.register("register_bulk_action", bulk_actions.DeleteInterestBulkAction, order=100)
hooks.register("register_log_actions", log_actions.register_interest_log_actions)
hooks.register("register_admin_urls", personal_data_request.personal_data_request_urls)
hooks.register("register_settings_menu_item", personal_data_request.personal_data_request_menu_item)
hooks.register("construct_homepage_panels", dashboard.add_awaiting_reply_panel)
