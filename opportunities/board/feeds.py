"""Feeds of the board: RSS and Atom (Django's syndication framework) and an
iCalendar file of closing dates (the ``icalendar`` library).

Each feed takes the same query string as the listing and holds the same
opportunities in the same order (up to ``FEED_LIMIT``), so a person can
subscribe to exactly the view they filtered. Every link and id is on the
site's address (home/site_address.py), not the host a request came in on.
"""

from datetime import UTC

import icalendar
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from home.models import SiteSettings
from home.page_cache.policy import accept_queries
from home.site_address import absolute_url, host_and_port, site_url
from opportunities.board.listing import OpportunityListing

FEED_LIMIT = 50


def feed_items(index_page, request):
    listing = OpportunityListing(index_page, request.GET)
    accept_queries(request, [listing.query_pairs()])
    return list(listing.for_display(listing.filtered())[:FEED_LIMIT])


def describe(page):
    """The plain words a feed reader shows for one opportunity."""
    closes = timezone.localtime(page.closes_at)
    parts = [page.summary, page.pay_summary, f"Closes {closes:%-d %B %Y at %H:%M}."]
    if page.runner_name:
        parts.insert(1, f"Run by {page.runner_name}.")
    return " ".join(parts)


class OpportunityRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index_page):
        name = SiteSettings.load(request_or_site=self.request).organisation_name
        return f"{index_page.title} | {name}"

    def link(self, index_page):
        return index_page.get_full_url(self.request)

    def feed_url(self, index_page):
        return absolute_url(self.request.get_full_path())

    def description(self, index_page):
        return index_page.introduction or "Paid opportunities to take part."

    def items(self, index_page):
        return feed_items(index_page, self.request)

    def item_title(self, page):
        return page.title

    def item_description(self, page):
        return describe(page)

    def item_link(self, page):
        return page.get_full_url(self.request)

    def item_guid(self, page):
        return page.get_full_url(self.request)

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [topic.name for topic in page.topics.all()]


class OpportunityAtomFeed(OpportunityRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index_page):
        return self.description(index_page)


def closing_dates_calendar(index_page, request):
    """An iCalendar file with one event at each listed opportunity's closing time.

    A closing date is a moment, not a span: each event has a start and no end,
    which RFC 5545 reads as an event on that moment (an end equal to the start
    would be invalid).
    """
    name = SiteSettings.load(request_or_site=request).organisation_name
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{name}//Opportunity closing dates//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"{name}: closing dates")
    stamp = timezone.now().astimezone(UTC)
    host, _port = host_and_port(site_url())
    for page in feed_items(index_page, request):
        event = icalendar.Event()
        event.add("uid", f"opportunity-{page.pk}-closes@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", page.closes_at.astimezone(UTC))
        event.add("summary", f"Closing: {page.title}")
        event.add("description", describe(page))
        event.add("url", page.get_full_url(request))
        calendar.add_component(event)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="closing-dates.ics"'
    return response
