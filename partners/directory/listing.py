"""One request's view of the directory: the keywords, the filters' state, the
matching partners (A to Z), their count and the current page of cards.

It takes the directory page and asks it for its partners, so it never imports
a page class: the page imports this module, not the other way round."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from wagtail import hooks
from wagtail.images import get_image_model

from partners.choices import CARD_LOGO_FILTER
from partners.directory.filters import ActiveFilter, built_in_filters, hooked_filters

if TYPE_CHECKING:
    from partners.models.index import PartnerIndexPage

PARTNERS_PER_PAGE = 12
MAX_QUERY_LENGTH = 200


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

    def __init__(self, index_page: PartnerIndexPage, query):
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
        partners = self.index_page.partners()
        if self.keywords:
            # Wagtail search cannot filter on many-to-many fields, so it only
            # finds ids; the ORM does the filtering. A plain match on the name
            # catches part-words ("north" for "Northfield").
            ids = []
            if words := search_words(self.keywords):
                partner_model = partners.model
                ids = [partner.pk for partner in partner_model.objects.live().search(words)]
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
