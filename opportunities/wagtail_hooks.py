"""Registers this app's admin parts and slots with Wagtail; defines nothing.

In the order Wagtail lists them: snippets and the editor's pay warning,
dashboard panels, the slots other apps' pages render (opportunities/slots.py),
the quick actions on the page listing, then expressions of interest (a
permission policy that lets nobody add one by hand, bulk actions, log
messages, the dashboard panel and their declaration to the privacy registry).
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from opportunities import cdn, closing_times, slots
from opportunities.admin import (
    bulk_actions,
    dashboard,
    log_actions,
    pay_warning,
    quick_actions,
    viewsets,
)
from opportunities.admin.permissions import interest_policy
from opportunities.alerts.message_link import alert_target
from opportunities.closing_reminder.message_link import closing_reminder_target
from opportunities.interest.message_link import interest_status_target
from opportunities.models.interest import ExpressionOfInterest
from opportunities.privacy import personal_data_sources
from privacy.contact_wishes.links import REGISTER_PRIVATE_MESSAGE_LINKS
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES

register_snippet(viewsets.BenefitRuleViewSet)

hooks.register("after_edit_page", pay_warning.warn_when_pay_is_below_living_wage)
hooks.register("after_create_page", pay_warning.warn_when_pay_is_below_living_wage)
hooks.register("after_edit_page", pay_warning.warn_when_rung_is_above_the_partners)
hooks.register("after_create_page", pay_warning.warn_when_rung_is_above_the_partners)
hooks.register("construct_homepage_panels", dashboard.add_page_editor_panels)

hooks.register("slot:partner_profile_opportunities", slots.partner_profile_opportunities)
hooks.register("partner_directory_queryset", slots.annotate_open_opportunity_count)
hooks.register("slot:partner_card", slots.partner_card_open_count)
hooks.register("slot:home_featured", slots.home_featured_opportunities)
hooks.register("slot:home_hero", slots.home_hero_board_link)

# The page cache keeps no page past the next closing time; benefit rules show on pages.
hooks.register("page_cache_next_change", closing_times.next_change)
hooks.register("page_cache_models", closing_times.models_shown_publicly)
# Publishing an opportunity purges the board, its feeds, the home page and the partner from the CDN.
hooks.register("cdn_pages_showing", cdn.pages_showing)

# Mark places filled / Close now, from the page listing and the page header.
hooks.register("register_admin_urls", quick_actions.quick_action_urls)
hooks.register("register_page_listing_more_buttons", quick_actions.listing_quick_actions)
hooks.register("register_page_header_buttons", quick_actions.header_quick_actions)
hooks.register("register_log_actions", log_actions.register_quick_action_log_actions)

# Expressions of interest.
register_permission_policy(ExpressionOfInterest, interest_policy)
register_snippet(viewsets.ExpressionOfInterestViewSet)
hooks.register("register_bulk_action", bulk_actions.ChangeStatusBulkAction)
# Registered after Wagtail's own snippet delete action (order), so it replaces it here.
hooks.register("register_bulk_action", bulk_actions.DeleteInterestBulkAction, order=100)
hooks.register("register_log_actions", log_actions.register_interest_log_actions)
hooks.register("construct_homepage_panels", dashboard.add_awaiting_reply_panel)
hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, interest_status_target)
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, closing_reminder_target)
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, alert_target)
