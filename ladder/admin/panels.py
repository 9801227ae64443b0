"""Dashboard panels: the most recent self-assessments, and the network at a glance.

Labels only: no contact details.
"""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ladder.admin.permissions import sees_assessments
from ladder.models.assessments import SelfAssessment
from ladder.models.publications import Publication
from ladder.reports.network import NetworkReport
from ladder.reports.views import can_see_report

RECENT_COUNT = 10


class RecentAssessmentsPanel(Component):
    """For those who may read assessments (Ladder managers and Personal data)."""

    name = "ladder_recent_assessments"
    template_name = "components/dashboard/recent_assessments.html"
    order = 135

    def get_context_data(self, parent_context):
        submitted = SelfAssessment.objects.filter(status=SelfAssessment.Status.SUBMITTED)
        recent = submitted.select_related("overall_rung", "partner").order_by("-submitted_at")
        return {"assessments": list(recent[:RECENT_COUNT]), "total": submitted.count()}


def add_recent_assessments_panel(request, panels):
    if sees_assessments(request.user):
        panels.append(RecentAssessmentsPanel())


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


def add_network_panel(request, panels):
    if can_see_report(request.user):
        panels.append(NetworkPanel(request))
