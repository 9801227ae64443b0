"""Dashboard panels for opportunities and expressions of interest.

Each panel is added only for people allowed to see what it lists: the
opportunity panels for those who edit pages, the interest panel for the
Personal data group. The panels show references and titles, never a
person's name or contact details.
"""

from datetime import timedelta

from django.utils import timezone
from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.models import SiteSettings
from opportunities.models import ExpressionOfInterest, OpportunityPage

CLOSING_WITHIN_DAYS = 14
PANEL_ROWS = 20


def edits_pages(user):
    return PagePermissionPolicy().user_has_any_permission(user, {"add", "change", "publish"})


def sees_interest(user):
    return user.has_perm("opportunities.view_expressionofinterest")


def working_days_between(start, end):
    """Monday-to-Friday days after ``start`` up to and including ``end`` (dates).

    Bank holidays are not known to the site, so a promise of N working days is
    counted as weekdays: a record sent on Friday is 1 working day old on Monday."""
    if end <= start:
        return 0
    weeks, extra = divmod((end - start).days, 7)
    days = weeks * 5
    for offset in range(1, extra + 1):
        if (start + timedelta(days=offset)).weekday() < 5:
            days += 1
    return days


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


class AwaitingReplyPanel(Component):
    """New expressions of interest nobody has replied to, oldest first, with their
    age in working days against the reply-time promise in Site settings."""

    name = "interest_awaiting_reply"
    template_name = "components/dashboard/awaiting_reply.html"
    order = 110

    def get_context_data(self, parent_context):
        promise = SiteSettings.load().reply_time_working_days
        today = timezone.localdate()
        waiting = ExpressionOfInterest.objects.filter(
            status=ExpressionOfInterest.Status.NEW
        ).order_by("created_at")
        rows = []
        for record in waiting.only("pk", "reference", "opportunity_title", "created_at")[
            :PANEL_ROWS
        ]:
            age = working_days_between(timezone.localdate(record.created_at), today)
            rows.append({"record": record, "age": age, "overdue": age > promise})
        return {"rows": rows, "total": waiting.count(), "promise": promise}


def add_panels(request, panels):
    user = request.user
    if sees_interest(user):
        panels.append(AwaitingReplyPanel())
    if edits_pages(user):
        panels.append(ClosingSoonPanel())
        panels.append(NoOutcomePanel())
