"""The partner directory's filters, search and query, kept out of the view.

Every filter is a :class:`DirectoryFilter`: a query-string name, a label, the
choices a person can pick from, and a function that narrows a queryset of
``PartnerPage`` to the partners matching one chosen value. The directory
reads each value from the query string and applies it only when it is one of
the filter's choices, so a hand-edited or stale URL (``?sector=999999``,
``?area=%00``) is ignored rather than turned into an error.

Other apps add filters without ``partners`` importing them
---------------------------------------------------------

``partners`` must never import ``ladder`` or ``opportunities``. An app that
wants its own filter on the directory (the ladder's "rung" filter, say)
registers a Wagtail hook in its ``wagtail_hooks.py``::

    from wagtail import hooks
    from partners.directory import DirectoryFilter

    @hooks.register("partner_directory_filters")
    def rung_filter():
        return DirectoryFilter(
            name="rung",
            label="Ladder rung",
            choices=lambda: [(str(r.level), r.name) for r in Rung.objects.all()],
            narrow=lambda partners, value: partners.filter(pk__in=...),
        )

The hook takes no arguments and returns one ``DirectoryFilter`` (or a list
of them, or ``None`` to add nothing). ``choices`` is called once per request
and should run at most one query; ``narrow`` must return a filtered queryset
(no extra queries of its own) and must not repeat a partner: narrow through
a many-to-many relation with ``pk__in=`` a subquery rather than a join that
can match twice. Filters appear in the form after the built-in
ones (kind, sector, area), in hook registration order.

To give each card extra data without a query per card (the ladder's rung, an
open-opportunities count), register ``partner_directory_queryset``: a
function that takes the card queryset and returns it with annotations or
``prefetch_related`` added. Each card then renders the ``partner_card`` slot
with the partner in the template context as ``partner``.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from wagtail import hooks
from wagtail.images import get_image_model

from home.models import Area, Sector
from partners.models import CARD_LOGO_FILTER, PartnerKind, PartnerPage

PARTNERS_PER_PAGE = 12
MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class DirectoryFilter:
    """One drop-down on the directory and how it narrows the partners."""

    name: str
    label: str
    choices: Callable[[], list[tuple[str, str]]]
    narrow: Callable[..., object]
    any_label: str = "Any"
    hint: str = ""


@dataclass
class ActiveFilter:
    """A filter as shown in the form: its choices and the value picked (if valid)."""

    definition: DirectoryFilter
    choices: list[tuple[str, str]]
    value: str = ""
    value_label: str = ""
    options: list[dict] = field(default_factory=list)

    @property
    def name(self):
        return self.definition.name

    @property
    def label(self):
        return self.definition.label


def built_in_filters():
    return [
        DirectoryFilter(
            name="kind",
            label="Kind of organisation",
            choices=lambda: list(PartnerKind.choices),
            narrow=lambda partners, value: partners.filter(kind=value),
        ),
        DirectoryFilter(
            name="sector",
            label="Sector",
            choices=lambda: list(Sector.objects.values_list("slug", "name")),
            narrow=lambda partners, value: partners.filter(sector__slug=value),
        ),
        DirectoryFilter(
            name="area",
            label="Area",
            choices=lambda: list(Area.objects.values_list("slug", "name")),
            narrow=lambda partners, value: partners.filter(areas__slug=value),
            hint="Where they work.",
        ),
    ]


def hooked_filters():
    found = []
    for hook in hooks.get_hooks("partner_directory_filters"):
        result = hook()
        if result is None:
            continue
        if isinstance(result, DirectoryFilter):
            found.append(result)
        else:
            found.extend(result)
    return found


def clean_keywords(raw):
    """What a person typed in the search box, safe to search for: no control
    characters (a NUL breaks PostgreSQL), squeezed spaces, a sane length."""
    text = "".join(ch for ch in str(raw) if ch.isprintable())
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_words(keywords):
    """Only the words, for the search engine: quotes and operators in what
    people type would be read as search syntax (SQLite's full-text search
    rejects a stray quote)."""
    return " ".join(re.findall(r"\w+", keywords))


def card_queryset(partners):
    """The partners with everything a card shows, in a fixed number of queries."""
    rendition_model = get_image_model().get_rendition_model()
    partners = partners.select_related("sector", "logo").prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=rendition_model.objects.filter(filter_spec=CARD_LOGO_FILTER),
            to_attr="prefetched_renditions",
        )
    )
    for hook in hooks.get_hooks("partner_directory_queryset"):
        partners = hook(partners)
    return partners


class PartnerDirectory:
    """The directory for one request: the form's state, the matching partners
    (A to Z), their count and the current page of cards."""

    def __init__(self, index_page, query):
        self.index_page = index_page
        self.keywords = clean_keywords(query.get("q", ""))
        self.filters = []
        for definition in [*built_in_filters(), *hooked_filters()]:
            choices = [(str(value), str(label)) for value, label in definition.choices()]
            wanted = query.get(definition.name, "")
            labels = dict(choices)
            value = wanted if wanted in labels else ""
            active = ActiveFilter(
                definition, choices, value=value, value_label=labels.get(value, "")
            )
            active.options = [
                {"value": v, "label": label, "selected": v == value} for v, label in choices
            ]
            self.filters.append(active)
        self.matching = self._matching_partners()
        self.page = Paginator(card_queryset(self.matching), PARTNERS_PER_PAGE).get_page(
            query.get("page")
        )

    @property
    def applied_filters(self):
        return [active for active in self.filters if active.value]

    @property
    def is_narrowed(self):
        return bool(self.keywords or self.applied_filters)

    @property
    def count(self):
        return self.page.paginator.count

    def _matching_partners(self):
        partners = PartnerPage.objects.child_of(self.index_page).live().public()
        if self.keywords:
            # Wagtail search cannot filter on many-to-many fields, so it only
            # finds ids; the ORM does the filtering. A plain match on the name
            # catches part-words ("north" for "Northfield").
            ids = []
            if words := search_words(self.keywords):
                ids = [partner.pk for partner in PartnerPage.objects.live().search(words)]
            partners = partners.filter(Q(pk__in=ids) | Q(title__icontains=self.keywords))
        for active in self.applied_filters:
            partners = active.definition.narrow(partners, active.value)
        return partners.order_by(Lower("title"), "pk")

    def query_string(self, **changes):
        """This view's query string (only values in use), with ``changes`` applied."""
        params = {"q": self.keywords}
        params.update({active.name: active.value for active in self.filters})
        params.update(changes)
        return urlencode({key: value for key, value in params.items() if value})

    def page_links(self):
        """Numbered links for the pages around this one, for the pagination nav."""
        paginator = self.page.paginator
        links = []
        for number in paginator.get_elided_page_range(self.page.number, on_each_side=2):
            if number == paginator.ELLIPSIS:
                links.append({"ellipsis": True})
            else:
                links.append(
                    {
                        "number": number,
                        "query": self.query_string(page=number if number > 1 else ""),
                        "current": number == self.page.number,
                    }
                )
        return links

    def previous_query(self):
        if not self.page.has_previous():
            return None
        number = self.page.previous_page_number()
        return self.query_string(page=number if number > 1 else "")

    def next_query(self):
        return (
            self.query_string(page=self.page.next_page_number()) if self.page.has_next() else None
        )
