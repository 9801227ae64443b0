"""The board's listing and its feeds, as routes on the board's page."""

from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.page_cache.policy import accept_queries
from opportunities.alerts import views as alert_views
from opportunities.board.benefits import BenefitChoiceRoutes, chosen_benefits, note_cards
from opportunities.board.feeds import (
    OpportunityAtomFeed,
    OpportunityRssFeed,
    closing_dates_calendar,
)
from opportunities.board.listing import OpportunityListing
from opportunities.choices import Benefit


class BoardRoutes(BenefitChoiceRoutes, RoutablePageMixin):
    """The filtered listing at the board's own address, the same view as RSS,
    Atom and an iCalendar file of closing dates (``feed/...``), and the
    'Which benefits do you get?' question (``benefits/``)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = listing = OpportunityListing(self, request.GET)
        accept_queries(request, listing.canonical_queries())
        context["board_url"] = self.url
        context["chosen_benefits"] = chosen = chosen_benefits(request)
        if chosen:
            note_cards(listing.page.object_list, chosen, timezone.localdate())
        context["benefit_choices"] = Benefit.choices
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

    @path("alerts/", name="alert_subscribe")
    def alert_subscribe(self, request):
        return alert_views.subscribe(request, self)

    @path("alerts/sent/", name="alert_sent")
    def alert_sent(self, request):
        return alert_views.subscribe_sent(request, self)
