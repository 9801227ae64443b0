"""The board's filters, sorts and search, shared by the listing page and its feeds.

Every filter is a plain GET parameter, so each filtered view is a shareable
URL that works without JavaScript. A value the form cannot read is ignored
(the rest still apply), never an error.

Keyword search goes through Wagtail search, which cannot filter on
many-to-many fields (topics, access support): it returns matching ids, and
the ORM applies every filter to those.
"""

from datetime import timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property

from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities.board.filters import OpportunityFilterForm, search_words
from opportunities.choices import CLOSING_SOON_DAYS, FORMATS_FOR_EVERY_AREA
from partners.models import PartnerPage

if TYPE_CHECKING:
    from opportunities.models.index import OpportunityIndexPage

PAGE_SIZE = 12


class OpportunityListing:
    """The filtered, sorted, searched opportunities under one board page."""

    def __init__(self, index_page: "OpportunityIndexPage", params, page_size=PAGE_SIZE):
        self.index_page = index_page
        self.params = params
        self.page_size = page_size
        self.topics = list(Topic.objects.all())
        self.areas = list(Area.objects.all())
        self.access_support = list(AccessSupport.objects.all())
        self.rungs = list(Rung.objects.all())
        self.form = OpportunityFilterForm(
            params, self.topics, self.areas, self.access_support, self.rungs
        )
        self.filters = self.form.valid_data

    def base_queryset(self):
        return self.index_page.opportunities()

    def filtered(self):
        """The matching opportunities, sorted, without paging."""
        data = self.filters
        now = timezone.now()
        queryset = self.base_queryset()
        # The page type, from the board's own queryset: the page models import
        # this module (through the board's routes), so it cannot import them.
        opportunity_page = queryset.model

        words = search_words(data.get("q"))
        if words:
            matches = opportunity_page.objects.live().search(words, operator="and")
            queryset = queryset.filter(pk__in=[page.pk for page in matches])

        if data.get("what_changed"):
            queryset = queryset.filter(has_outcome=True, closes_at__lte=now)
        elif not data.get("show_closed"):
            queryset = queryset.filter(closes_at__gt=now)
        if data.get("closing_soon"):
            queryset = queryset.filter(
                closes_at__gt=now, closes_at__lte=now + timedelta(days=CLOSING_SOON_DAYS)
            )
        if data.get("topic"):
            queryset = queryset.filter(topics__slug=data["topic"])
        if data.get("format"):
            queryset = queryset.filter(format=data["format"])
        if data.get("area"):
            queryset = queryset.filter(
                Q(area__slug=data["area"]) | Q(format__in=FORMATS_FOR_EVERY_AREA)
            )
        for slug in data.get("access") or []:
            queryset = queryset.filter(access_support__slug=slug)
        if data.get("min_pay") is not None:
            queryset = queryset.filter(hourly_pay_pence__gte=data["min_pay"])
        if data.get("partner"):
            queryset = queryset.filter(partner__slug=data["partner"])
        if data.get("rung"):
            queryset = queryset.filter(rung__level__gte=int(data["rung"]))

        # Filtering across many-to-many joins can repeat a row; ask for ids once.
        queryset = opportunity_page.objects.filter(pk__in=queryset.values("pk"))
        sort = data.get("sort") or "closing"
        if sort == "newest":
            queryset = queryset.order_by(F("first_published_at").desc(nulls_last=True), "pk")
        elif sort == "pay":
            queryset = queryset.order_by(
                F("hourly_pay_pence").desc(nulls_last=True), "closes_at", "pk"
            )
        else:
            queryset = queryset.order_by("closes_at", "pk")
        return queryset

    def with_related(self, queryset):
        return queryset.select_related("partner", "area", "rung").prefetch_related(
            "topics", "access_support"
        )

    @cached_property
    def paginator(self):
        return Paginator(self.with_related(self.filtered()), self.page_size)

    @cached_property
    def page(self):
        return self.paginator.get_page(self.params.get("page"))

    @property
    def count(self):
        return self.paginator.count

    @property
    def is_filtered(self):
        return any(value not in (None, "", [], False) for key, value in self.filters.items()
                   if key != "sort")  # fmt: skip

    @cached_property
    def partner_page(self):
        """The partner a profile link narrowed the board to, if any."""
        if not self.filters.get("partner"):
            return None
        return PartnerPage.objects.live().filter(slug=self.filters["partner"]).first()

    @cached_property
    def query_string(self):
        """The current filters as a query string, without the page number."""
        pairs = []
        for key in self.form.fields:
            value = self.filters.get(key)
            if value in (None, "", [], False):
                continue
            if key == "min_pay":
                value = f"{value / 100:.2f}"
            if isinstance(value, list):
                pairs.extend((key, item) for item in value)
            elif value is True:
                pairs.append((key, "on"))
            else:
                pairs.append((key, value))
        return urlencode(pairs)

    def page_url(self, number):
        query = self.query_string
        return f"?{query}&page={number}" if query else f"?page={number}"

    @property
    def previous_url(self):
        return self.page_url(self.page.previous_page_number()) if self.page.has_previous() else ""

    @property
    def next_url(self):
        return self.page_url(self.page.next_page_number()) if self.page.has_next() else ""

    def feed_url(self, name):
        url = self.index_page.url + self.index_page.reverse_subpage(name)
        return f"{url}?{self.query_string}" if self.query_string else url

    @property
    def rss_url(self):
        return self.feed_url("rss")

    @property
    def atom_url(self):
        return self.feed_url("atom")

    @property
    def ical_url(self):
        return self.feed_url("ical")
