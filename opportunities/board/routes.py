"""The board's listing and its feeds, as routes on the board's page."""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from opportunities.board.feeds import (
    OpportunityAtomFeed,
    OpportunityRssFeed,
    closing_dates_calendar,
)
from opportunities.board.listing import OpportunityListing


class BoardRoutes(RoutablePageMixin):
    """The filtered listing at the board's own address, and the same view as
    RSS, Atom and an iCalendar file of closing dates (``feed/...``)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = OpportunityListing(self, request.GET)
        return context

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return OpportunityRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return OpportunityAtomFeed(self)(request)

    @path("feed/closing-dates/", name="ical")
    def ical_feed(self, request):
        return closing_dates_calendar(self, request)
