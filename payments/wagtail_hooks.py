"""Registers this app's admin parts and slots with Wagtail; defines nothing.

Payments and participants' answers (Personal data group only): their
permission policies and viewsets, the bulk "mark paid" and the import, the
dashboard panels, the partners' records report and its menu item, the
overdue payments button on an opportunity, how bulk "recorded paid"
entries read in a payment's history, the slots on the lead contact's
page and in the network report, the neutral link's target and the
declaration to the privacy registry.
"""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from payments import slots
from payments.admin import dashboard, log_actions, menu, report, views
from payments.admin.permissions import feedback_policy, payment_policy
from payments.admin.viewsets import PaymentsGroup
from payments.feedback.views import feedback_link_target
from payments.models.feedback import Feedback
from payments.models.payment import Payment
from payments.privacy import personal_data_sources
from payments.retention import keep_figures_before_purge
from privacy.contact_wishes.links import REGISTER_PRIVATE_MESSAGE_LINKS
from privacy.registry import REGISTER_PERSONAL_DATA_SOURCES
from privacy.retention import BEFORE_PURGE

register_permission_policy(Payment, payment_policy)
register_permission_policy(Feedback, feedback_policy)
register_snippet(PaymentsGroup)

hooks.register("register_admin_urls", views.admin_urls)
hooks.register("register_admin_urls", report.admin_urls)
hooks.register("register_reports_menu_item", menu.partner_records_menu_item)
hooks.register("construct_homepage_panels", dashboard.add_panels)
hooks.register("register_page_header_buttons", menu.overdue_button)
hooks.register("register_log_actions", log_actions.register_payment_log_actions)

hooks.register("slot:ladder_lead_page", slots.lead_page_record)
hooks.register("slot:network_report", slots.network_report_records)

hooks.register(REGISTER_PERSONAL_DATA_SOURCES, personal_data_sources)
# Each partner's figures per period outlive the records behind them.
hooks.register(BEFORE_PURGE, keep_figures_before_purge)
hooks.register(REGISTER_PRIVATE_MESSAGE_LINKS, feedback_link_target)
