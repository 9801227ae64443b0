"""The board's filters, sorts and search, shared by the listing page and its feeds.

Every filter is a plain GET parameter, so each filtered view is a shareable
URL that works without JavaScript. A value the form cannot read is ignored
(the rest still apply), never an error.

Keyword search goes through Wagtail search, which cannot filter on
many-to-many fields (topics, access support): it returns matching ids, and
the ORM applies every filter to those.
"""

import re
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.utils import timezone
from django.utils.functional import cached_property

from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities.models import Format, OpportunityPage
from opportunities.models.pages import CLOSING_SOON_DAYS, FORMATS_FOR_EVERY_AREA

PAGE_SIZE = 12
SORTS = [
    ("closing", "Closing soonest"),
    ("newest", "Newest"),
    ("pay", "Highest hourly pay"),
]


def search_words(text, limit=12):
    """The words of a search, without the quotes and operators that search
    engines read as syntax (a stray quote would otherwise be an error)."""
    return " ".join(re.findall(r"\w+", text or "")[:limit])


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest, so one bad value in a
    shared link does not throw away the person's other choices."""

    def clean(self, value):
        value = self.to_python(value)
        known = {str(key) for key, _ in self.choices}
        return list(dict.fromkeys(item for item in value if item in known))


class PoundsField(forms.CharField):
    """An amount of money per hour, typed as 13.45 or £13.45; pence out."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            pounds = Decimal(value.strip().lstrip("£").replace(",", ""))
        except InvalidOperation as error:
            raise forms.ValidationError("Enter an amount in pounds, like 13.45.") from error
        if not pounds.is_finite() or pounds < 0 or pounds > 1000:
            raise forms.ValidationError("Enter an amount between £0 and £1,000.")
        return int(pounds * 100)


class OpportunityFilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )  # fmt: skip
    topic = forms.ChoiceField(label="Topic", required=False)
    format = forms.ChoiceField(
        label="How you take part",
        required=False,
        choices=[("", "Any way"), *Format.choices],
    )
    area = forms.ChoiceField(
        label="Area",
        required=False,
        help_text="Online and phone opportunities show under every area.",
    )
    access = LenientMultipleChoiceField(
        label="Access support offered",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Shows opportunities that offer all the support you tick.",
    )
    min_pay = PoundsField(
        label="Hourly pay at least (£)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=(
            "Opportunities whose hours are not known are left out, because we cannot "
            "work out their hourly pay."
        ),
    )
    rung = forms.ChoiceField(label="How much say you get", required=False)
    closing_soon = forms.BooleanField(
        label=f"Closing in the next {CLOSING_SOON_DAYS} days", required=False
    )
    show_closed = forms.BooleanField(label="Show closed opportunities too", required=False)
    what_changed = forms.BooleanField(
        label="Only closed ones that say what changed", required=False
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)
    # Set by links from a partner's profile and directory card, not shown in the form.
    partner = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, data, topics, areas, access_support, rungs):
        super().__init__(data)
        self.fields["topic"].choices = [("", "Any topic")] + [(t.slug, t.name) for t in topics]
        self.fields["area"].choices = [("", "Anywhere")] + [(a.slug, a.name) for a in areas]
        self.fields["access"].choices = [(s.slug, s.name) for s in access_support]
        self.fields["rung"].choices = [("", "Any level")] + [
            (str(r.level), f"At least: {r.name}") for r in rungs
        ]

    @property
    def valid_data(self):
        """What could be read, ignoring fields with bad values."""
        self.is_valid()
        # Point each refused field at its message, so screen readers announce it.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described = [f"{bound.auto_id}-error"]
                if self.fields[name].help_text:
                    described.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
        return self.cleaned_data


class OpportunityListing:
    """The filtered, sorted, searched opportunities under one board page."""

    def __init__(self, index_page, params, page_size=PAGE_SIZE):
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
        return OpportunityPage.objects.child_of(self.index_page).live().public()

    def filtered(self):
        """The matching opportunities, sorted, without paging."""
        data = self.filters
        now = timezone.now()
        queryset = self.base_queryset()

        words = search_words(data.get("q"))
        if words:
            matches = OpportunityPage.objects.live().search(words, operator="and")
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
        queryset = OpportunityPage.objects.filter(pk__in=queryset.values("pk"))
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
        from partners.models import PartnerPage

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
