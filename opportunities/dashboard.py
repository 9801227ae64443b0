"""Dashboard panels for opportunities, shown to those who edit pages.

(Expressions of interest awaiting a reply have their own panel, for the
Personal data group, in opportunities/interest_admin.py.)
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from opportunities.models import OpportunityPage

CLOSING_WITHIN_DAYS = 14
PANEL_ROWS = 20


def edits_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


class ClosingSoonPanel(Component):
    """Opportunities closing in the next 14 days, soonest first, so editors can
    chase places and plan what changed."""

    name = "opportunities_closing_soon"
    template_name = "components/dashboard/closing_soon.html"
    order = 120

    def get_context_data(self, parent_context):
        now = timezone.now()
        opportunities = (
            OpportunityPage.objects.live()
            .filter(closes_at__gt=now, closes_at__lte=now + timedelta(days=CLOSING_WITHIN_DAYS))
            .order_by("closes_at")
        )
        return {
            "opportunities": list(opportunities[:PANEL_ROWS]),
            "total": opportunities.count(),
            "days": CLOSING_WITHIN_DAYS,
            "heading": f"Opportunities closing in the next {CLOSING_WITHIN_DAYS} days",
        }


class NoOutcomePanel(Component):
    """Closed opportunities with no "what changed" yet, most recently closed first:
    people were promised they would hear what their taking part changed."""

    name = "opportunities_no_outcome"
    template_name = "components/dashboard/no_outcome.html"
    order = 125

    def get_context_data(self, parent_context):
        closed = (
            OpportunityPage.objects.live()
            .filter(closes_at__lte=timezone.now(), has_outcome=False)
            .order_by("-closes_at")
        )
        return {"opportunities": list(closed[:PANEL_ROWS]), "total": closed.count()}


def add_panels(request, panels):
    user = request.user
    if edits_pages(user):
        panels.append(ClosingSoonPanel())
        panels.append(NoOutcomePanel())
