"""The network report's item in the admin's Reports menu."""

from django.urls import reverse
from wagtail.admin.menu import MenuItem

from ladder.reports.views import can_see_report


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


def network_report_menu_item():
    return ReportMenuItem(
        "Ladder network", reverse("ladder_network_report"), icon_name="order", order=700
    )
