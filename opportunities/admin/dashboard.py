"""Dashboard panels: opportunities closing soon and those still to say what
changed, for those who edit pages; expressions of interest awaiting a reply,
for the Personal data group."""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import SiteSettings
from opportunities.admin.permissions import interest_policy
from opportunities.alerts.counts import people_following
from opportunities.choices import InterestStatus
from opportunities.interest.reply_dates import add_working_days
from opportunities.models.interest import ExpressionOfInterest
from opportunities.models.opportunity import OpportunityPage

CLOSING_WITHIN_DAYS = 14
PANEL_ROWS = 20
AWAITING_LIMIT = 10


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


class FollowedPanel(Component):
    """How many people follow each topic and area through alerts on a saved
    search: counts only, by the small-number rule."""

    name = "opportunities_followed"
    template_name = "components/dashboard/followed.html"
    order = 130

    def get_context_data(self, parent_context):
        return {"rows": people_following()}


def add_page_editor_panels(request, panels):
    user = request.user
    if edits_pages(user):
        panels.append(ClosingSoonPanel())
        panels.append(NoOutcomePanel())
        panels.append(FollowedPanel())


class AwaitingReplyPanel(Component):
    """Dashboard: new expressions of interest, oldest first, against the
    reply-time promise. Shows references only, never names."""

    name = "interest_awaiting_reply"
    template_name = "components/opportunities/admin/awaiting_reply.html"
    order = 110

    def get_context_data(self, parent_context):
        promise = SiteSettings.load().reply_time_working_days
        today = timezone.localdate()
        waiting = ExpressionOfInterest.objects.filter(status=InterestStatus.NEW).order_by(
            "created_at"
        )
        rows = []
        for record in waiting[:AWAITING_LIMIT]:
            due = add_working_days(timezone.localdate(record.created_at), promise)
            rows.append({"record": record, "due": due, "late": due < today})
        return {"rows": rows, "total": waiting.count(), "promise": promise}


def add_awaiting_reply_panel(request, panels):
    if interest_policy.user_has_permission(request.user, "view"):
        panels.append(AwaitingReplyPanel())
