"""The network report in the admin, and its CSV, for users with the report permission."""

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from home.exports import csv_response
from ladder.reports.network import NetworkReport

REPORT_PERMISSION = "ladder.view_network_report"


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


def admin_urls():
    """The report's admin addresses (Wagtail's ``register_admin_urls`` hook)."""
    return [
        path("ladder/report/", report_view, name="ladder_network_report"),
        path("ladder/report/csv/", report_csv_view, name="ladder_network_report_csv"),
    ]
