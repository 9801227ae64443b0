"""Registers the ladder with Wagtail, and does nothing else.

What it registers lives in ``ladder.admin`` (viewsets, views, panels, menu,
log actions, permissions), ``ladder.reports``, ``ladder.slots`` and
``ladder.privacy``.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from ladder import page_cache, slots
from ladder.admin import log_actions, menu, panels
from ladder.admin.permissions import publication_policy
from ladder.admin.views import refuse_bulk_delete_of_used_rungs
from ladder.admin.viewsets import LadderGroup
from ladder.invitations.message_link import lead_page_target
from ladder.journey.message_link import result_target
from ladder.models.publications import Publication
from ladder.privacy import personal_data_sources
from ladder.reports.views import admin_urls
from privacy.contact_wishes.links import REGISTER_PRIVATE_MESSAGE_LINKS
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES

# Before the viewsets: Wagtail refuses a policy for a model it already made a fallback one for.
register_permission_policy(Publication, publication_policy)

# The admin: rungs, the questionnaire, assessments, invitations and publication requests.
hooks.register("before_bulk_action", refuse_bulk_delete_of_used_rungs)
register_snippet(LadderGroup)
hooks.register("construct_homepage_panels", panels.add_recent_assessments_panel)

# Public pages: the published rung, through the partners app's slots and directory hooks.
hooks.register("slot:partner_profile_rung", slots.partner_profile_rung)
hooks.register("slot:partner_card", slots.partner_card_rung)
hooks.register("partner_directory_filters", slots.rung_directory_filter)
hooks.register("partner_directory_queryset", slots.annotate_published_rung)
# Changing a rung, a publication or the questionnaire empties the page cache.
hooks.register("page_cache_models", page_cache.models_shown_publicly)

# The audit trail, and the network report with its menu item and dashboard panel.
hooks.register("register_log_actions", log_actions.register_ladder_log_actions)
hooks.register("register_admin_urls", admin_urls)
hooks.register("register_reports_menu_item", menu.network_report_menu_item)
hooks.register("construct_homepage_panels", panels.add_network_panel)

# Personal data: assessment contact emails, invitation lead contacts, respondent names.
hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
# Where a neutral message's link (/m/<token>/) leads: a lead contact's page, or a
# result whose link was emailed.
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, lead_page_target)
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, result_target)
