"""The board's filters, sorts and search, shared by the listing page and its feeds.

Every filter is a plain GET parameter, so each filtered view is a shareable
URL that works without JavaScript. A value the form cannot read is ignored
(the rest still apply), never an error.

Keyword search goes through Wagtail search, which cannot filter on
many-to-many fields (topics, access support): it gives a subquery of matching
ids, and the database applies every filter, the sort and the paging to those
in the listing's own query (``home.listing.search``). With keywords and no
sort chosen, the best matches come first. Paging and
the links between pages come from ``home.listing``, as for the partner
directory.
"""

from datetime import timedelta
from typing import TYPE_CHECKING

from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, When
from django.utils import timezone
from django.utils.functional import cached_property

from home.listing import Listing
from home.models import AccessSupport, Area, Topic
from ladder.models import LadderPage, Rung
from opportunities.board.filters import OpportunityFilterForm
from opportunities.choices import CLOSING_SOON_DAYS, FORMATS_FOR_EVERY_AREA
from partners.models import PartnerPage

if TYPE_CHECKING:
    from opportunities.models.index import OpportunityIndexPage

# At most this many words of a search reach the search backend, which
# matches every one of them.
SEARCH_WORD_LIMIT = 12


def ladder_url():
    """Where the rungs are explained, for 'what the levels mean' links ('' if nowhere)."""
    ladder = LadderPage.objects.live().public().first()
    return ladder.url if ladder else ""


class OpportunityListing(Listing):
    """The filtered, sorted, searched opportunities under one board page."""

    page_size = 12
    pages_label = "Pages of opportunities"
    vocabulary_key = "opportunities"

    def __init__(self, index_page: "OpportunityIndexPage", params):
        super().__init__(params)
        self.index_page = index_page
        self.topics = list(Topic.objects.all())
        self.areas = list(Area.objects.all())
        self.access_support = list(AccessSupport.objects.all())
        # The lowest rung filters nothing out: the choice starts at the second.
        self.rungs = list(Rung.objects.live().order_by("level"))[1:]
        self.form = OpportunityFilterForm(
            params, self.topics, self.areas, self.access_support, self.rungs
        )
        self.filters = self.form.valid_data
        # The page type, from the board's own queryset: the page models import
        # this module (through the board's routes), so it cannot import them.
        self.search = self.keyword_search(
            self.base_queryset().model, self.filters.get("q"), word_limit=SEARCH_WORD_LIMIT
        )

    @cached_property
    def visible(self):
        # Once: ``public()`` reads the page view restrictions when called.
        return self.index_page.opportunities()

    def base_queryset(self):
        return self.visible

    @cached_property
    def now(self):
        # One moment for the whole request: the count and the page agree.
        return timezone.now()

    def counted(self):
        return self.matching

    @cached_property
    def matching(self):
        """The matching opportunities, unsorted: what the count counts."""
        data = self.filters
        now = self.now
        queryset = self.base_queryset()
        opportunity_page = queryset.model

        if data.get("what_changed"):
            queryset = queryset.filter(has_outcome=True, closes_at__lte=now)
        elif not data.get("show_closed"):
            queryset = queryset.open(now)
        if data.get("closing_soon"):
            queryset = queryset.open(now).filter(
                closes_at__lte=now + timedelta(days=CLOSING_SOON_DAYS)
            )
        # Many-to-many filters as EXISTS, not joins, so no opportunity comes back
        # twice and the count and the order need no "id IN (...)" around them.
        if data.get("topic"):
            queryset = queryset.filter(
                Exists(
                    opportunity_page.topics.through.objects.filter(
                        opportunitypage=OuterRef("pk"), topic__slug=data["topic"]
                    )
                )
            )
        if data.get("format"):
            queryset = queryset.filter(format=data["format"])
        if data.get("area"):
            queryset = queryset.filter(
                Q(area__slug=data["area"]) | Q(format__in=FORMATS_FOR_EVERY_AREA)
            )
        for slug in data.get("access") or []:
            queryset = queryset.filter(
                Exists(
                    opportunity_page.access_support.through.objects.filter(
                        opportunitypage=OuterRef("pk"), accesssupport__slug=slug
                    )
                )
            )
        if data.get("min_pay") is not None:
            queryset = queryset.filter(hourly_pay_pence__gte=data["min_pay"])
        if data.get("partner"):
            queryset = queryset.filter(partner__slug=data["partner"])
        if data.get("rung"):
            queryset = queryset.filter(rung__level__gte=int(data["rung"]))

        if self.search:
            # Narrowed to what the search index finds before anything is
            # sorted or counted (``found_ids``: read from the index first).
            queryset = queryset.filter(pk__in=self.search.found_ids(queryset))
        return queryset

    def filtered(self):
        """The matching opportunities, sorted, without paging."""
        data = self.filters
        now = self.now
        queryset = self.matching
        opportunity_page = queryset.model

        sort = data.get("sort") or ("best" if self.search else "closing")
        if self.search and sort == "best":
            # Scores for "best match", from the search over the matching ones
            # by id (a field Wagtail indexes for filtering): on PostgreSQL a
            # join with each match's index entry.
            queryset = self.search.ranked(
                opportunity_page.objects.filter(id__in=queryset.values("pk"))
            )
        # Whatever the sort, ones people can still ask to join come first: open
        # and not full (``full`` is stored, so without closed ones in the list
        # the default order walks an index instead of sorting every open one).
        if data.get("what_changed") or data.get("show_closed"):
            unavailable = Case(
                When(closes_at__lte=now, then=1),
                When(full=True, then=1),
                default=0,
                output_field=IntegerField(),
            )
        else:
            unavailable = F("full")
        if sort == "best" and self.search:
            order = [self.search.by_score(), "closes_at", "pk"]
        elif sort == "newest":
            order = [F("first_published_at").desc(nulls_last=True), "pk"]
        elif sort == "pay":
            order = [F("hourly_pay_pence").desc(nulls_last=True), "closes_at", "pk"]
        else:
            order = ["closes_at", "pk"]
        return queryset.order_by(unavailable, *order)

    def for_display(self, items):
        return items.select_related("partner", "area", "rung").prefetch_related(
            "topics", "access_support", "sessions"
        )

    @property
    def is_filtered(self):
        return any(value not in (None, "", [], False) for key, value in self.filters.items()
                   if key != "sort")  # fmt: skip

    @property
    def chosen_count(self):
        """How many filters are set (each ticked access support counts), for
        'Filter results (3 chosen)'; the sort and a partner link are not filters."""
        return sum(
            len(value) if isinstance(value, list) else 1
            for key, value in self.filters.items()
            if key not in ("sort", "partner") and value not in (None, "", [], False)
        )

    def vocabulary_texts(self):
        opportunities = self.base_queryset()
        return [
            *opportunities.values_list("title", flat=True),
            *(taxonomy.name for taxonomy in [*self.topics, *self.areas, *self.access_support]),
            *PartnerPage.objects.live().values_list("title", flat=True),
        ]

    @cached_property
    def ladder_url(self):
        return ladder_url()

    @cached_property
    def partner_page(self):
        """The partner a profile link narrowed the board to, if any."""
        if not self.filters.get("partner"):
            return None
        return PartnerPage.objects.live().filter(slug=self.filters["partner"]).first()

    def query_pairs(self):
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
        return pairs

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

    @property
    def alert_url(self):
        """The alert form, keeping these filters and keywords."""
        return self.feed_url("alert_subscribe")
