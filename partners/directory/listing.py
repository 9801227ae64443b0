"""One request's view of the directory: the keywords, the filters' state, the
matching partners (A to Z), their count and the current page of cards.

It takes the directory page and asks it for its partners, so it never imports
a page class: the page imports this module, not the other way round. Keyword
cleaning, search (synonyms, best matches first), the filter form's rule for
bad values and paging are the shared ones in ``home.listing``, as on the
opportunity board."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from home.listing import Listing
from home.models import Area, Sector
from partners.choices import CARD_LOGO_SPECS
from partners.directory.filters import (
    ActiveFilter,
    DirectoryFilterForm,
    built_in_filters,
    hooked_filters,
)

if TYPE_CHECKING:
    from partners.models.index import PartnerIndexPage

PARTNERS_PER_PAGE = 12


def card_queryset(partners):
    """The partners with everything a card shows, in a fixed number of queries."""
    rendition_model = get_image_model().get_rendition_model()
    partners = partners.select_related("sector", "logo").prefetch_related(
        Prefetch(
            "logo__renditions",
            queryset=rendition_model.objects.filter(
                filter_spec__in=Filter.expand_spec(CARD_LOGO_SPECS)
            ),
            to_attr="prefetched_renditions",
        )
    )
    for hook in hooks.get_hooks("partner_directory_queryset"):
        partners = hook(partners)
    return partners


class PartnerDirectory(Listing):
    """The directory for one request: the form's state, the matching partners
    (A to Z), their count and the current page of cards."""

    page_size = PARTNERS_PER_PAGE
    pages_label = "Pages of partners"
    numbered_page_links = True
    page_one_in_url = False
    vocabulary_key = "partners"

    def __init__(self, index_page: PartnerIndexPage, query):
        super().__init__(query)
        self.index_page = index_page
        filters_with_choices = [
            (definition, [(str(value), str(label)) for value, label in definition.choices()])
            for definition in [*built_in_filters(), *hooked_filters()]
        ]
        values = DirectoryFilterForm(query, filters_with_choices).valid_data
        self.keywords = values.get("q", "")
        self.search = self.keyword_search(index_page.partners().model, self.keywords)
        self.filters = [
            ActiveFilter.showing(definition, choices, values.get(definition.name, ""))
            for definition, choices in filters_with_choices
        ]

    @property
    def applied_filters(self):
        return [active for active in self.filters if active.value]

    @property
    def is_narrowed(self):
        return bool(self.keywords or self.applied_filters)

    def filtered(self):
        """The matching partners: best match first with keywords, else A to Z."""
        partners = self.index_page.partners()
        if self.keywords:
            # A plain match on the name catches part-words ("north" for "Northfield").
            partners = partners.filter(self.search.condition() | Q(title__icontains=self.keywords))
        for active in self.applied_filters:
            partners = active.definition.narrow(partners, active.value)
        if self.search:
            return partners.order_by(self.search.by_relevance(), Lower("title"), "pk")
        return partners.order_by(Lower("title"), "pk")

    def vocabulary_texts(self):
        return [
            *self.index_page.partners().values_list("title", flat=True),
            *Area.objects.values_list("name", flat=True),
            *Sector.objects.values_list("name", flat=True),
        ]

    def for_display(self, items):
        return card_queryset(items)

    def query_pairs(self):
        params = {"q": self.keywords}
        params.update({active.name: active.value for active in self.filters})
        return [(key, value) for key, value in params.items() if value]
