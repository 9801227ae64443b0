"""Dashboard panel: the most recent self-assessments, for those who may read them
(Ladder managers and Personal data). Labels only: no contact details."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from ladder.models import SelfAssessment

RECENT_COUNT = 10


def sees_assessments(user):
    return user.has_perm("ladder.view_selfassessment")


class RecentAssessmentsPanel(Component):
    name = "ladder_recent_assessments"
    template_name = "components/dashboard/recent_assessments.html"
    order = 135

    def get_context_data(self, parent_context):
        submitted = SelfAssessment.objects.filter(status=SelfAssessment.Status.SUBMITTED)
        recent = submitted.select_related("overall_rung", "partner").order_by("-submitted_at")
        return {"assessments": list(recent[:RECENT_COUNT]), "total": submitted.count()}


@hooks.register("construct_homepage_panels")
def add_panels(request, panels):
    if sees_assessments(request.user):
        panels.append(RecentAssessmentsPanel())
