"""Wagtail hooks for invitations, publication and the network report.

Imported by ``ladder/wagtail_hooks.py``. Public pages get the published
rung through the partners app's slots and directory hooks (partners never
imports ladder); the admin gets the report, its CSV and a dashboard panel.
"""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from home.exports import csv_response
from ladder import invitations, published
from ladder.models import Publication
from ladder.network_report import NetworkReport

REPORT_PERMISSION = "ladder.view_network_report"


# Public pages -------------------------------------------------------------------

hooks.register("slot:partner_profile_rung", published.partner_profile_rung)
hooks.register("slot:partner_card", published.partner_card_rung)
hooks.register("partner_directory_filters", published.rung_directory_filter)
hooks.register("partner_directory_queryset", published.annotate_published_rung)


# The audit trail -----------------------------------------------------------------


@hooks.register("register_log_actions")
def register_invitation_log_actions(actions):
    actions.register_action(
        invitations.LOG_REQUESTED,
        "Ask to publish",
        "The lead contact asked for the combined rung to be published",
    )
    actions.register_action(invitations.LOG_APPROVED, "Approve", "Approved for publication")
    actions.register_action(invitations.LOG_DECLINED, "Decline", "Declined for publication")
    actions.register_action(
        invitations.LOG_WITHDRAWN, "Withdraw", "Withdrawn by the lead contact, using their link"
    )
    actions.register_action(invitations.LOG_REVOKED, "Revoke", "Links revoked")


# The network report ---------------------------------------------------------------


def can_see_report(user):
    return user.has_perm(REPORT_PERMISSION)


def report_view(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    report = NetworkReport()
    themes = report.theme_averages()
    response = TemplateResponse(
        request,
        "components/ladder/admin/network_report.html",
        {
            "distribution": report.distribution(),
            "distribution_chart": report.distribution_chart(),
            "themes": themes,
            "theme_chart": report.theme_chart(),
            "over_time": report.over_time(),
            "over_time_chart": report.over_time_chart(),
            "movements": report.movements(),
            "compared": [row for row in themes if row["compared"]],
            "staff_chart": report.staff_community_chart(),
        },
    )
    return response


def report_csv_view(request):
    if not can_see_report(request.user):
        raise PermissionDenied
    report = NetworkReport()
    return csv_response("ladder-network-report.csv", report.CSV_HEADER, report.csv_rows())


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("ladder/report/", report_view, name="ladder_network_report"),
        path("ladder/report/csv/", report_csv_view, name="ladder_network_report_csv"),
    ]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        "Ladder network", reverse("ladder_network_report"), icon_name="order", order=700
    )


class NetworkPanel(Component):
    """Dashboard: partners on each rung, and requests waiting for moderators."""

    name = "ladder_network"
    template_name = "components/ladder/admin/dashboard_panel.html"
    order = 140

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        report = NetworkReport()
        waiting = None
        if self.request.user.has_perm("ladder.decide_publication"):
            waiting = Publication.objects.filter(status=Publication.Status.REQUESTED).count()
        return {
            "distribution": report.distribution(),
            "distribution_chart": report.distribution_chart(),
            "waiting": waiting,
            "requests_url": reverse("wagtailsnippets_ladder_publication:list")
            + "?status=requested",
            "report_url": reverse("ladder_network_report"),
        }


@hooks.register("construct_homepage_panels")
def add_network_panel(request, panels):
    if can_see_report(request.user):
        panels.append(NetworkPanel(request))
