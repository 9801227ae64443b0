"""A listing for one request: what matches, one page of it, and links to the
other pages that keep the filters.

A subclass says which items match (:meth:`Listing.filtered`), what each card
needs fetched with them (:meth:`Listing.for_display`) and which filters are in
use (:meth:`Listing.query_pairs`); its class attributes say how its pages are
numbered and linked. A listing with a search box sets :attr:`Listing.search`
(see :meth:`Listing.keyword_search`) and says which words a "Did you mean …?"
may offer (:meth:`Listing.vocabulary_texts`).
"""

from collections.abc import Iterable
from typing import Any, ClassVar
from urllib.parse import urlencode

from django.core.paginator import Page
from django.db.models import Model, QuerySet
from django.http import QueryDict
from django.utils.functional import cached_property

from home.listing.pagination import Pagination
from home.listing.search import KeywordSearch
from home.listing.suggestions import cached_vocabulary, did_you_mean
from home.models.search_synonyms import SearchSynonym


class Listing:
    """The filtered, sorted items of one listing page, for one request."""

    page_size: ClassVar[int] = 12
    # The pagination nav's accessible name, e.g. "Pages of partners".
    pages_label: ClassVar[str] = "Pages"
    # A link per nearby page (True), or "Page 2 of 5" between Previous and Next.
    numbered_page_links: ClassVar[bool] = False
    # Whether the link to the first page says ``page=1`` or leaves it out.
    page_one_in_url: ClassVar[bool] = True
    # Names the cached word list that "Did you mean …?" suggests from.
    vocabulary_key: ClassVar[str] = ""

    # The keyword search in use, if the listing has a search box.
    search: KeywordSearch | None = None

    def __init__(self, params: QueryDict) -> None:
        self.params = params

    def keyword_search(
        self, model: type[Model], text: str | None, word_limit: int | None = None
    ) -> KeywordSearch:
        """The search for ``text`` with the synonyms editors keep, every word
        (or one of its synonyms) required."""
        synonyms = SearchSynonym.as_mapping() if text and text.strip() else {}
        return KeywordSearch(model, text, synonyms=synonyms, operator="and", word_limit=word_limit)

    def vocabulary_texts(self) -> Iterable[str]:
        """What the listing's pages are indexed by that a typo may be near:
        titles, topics, areas, partners."""
        return []

    @cached_property
    def suggestion(self) -> dict[str, str] | None:
        """ "Did you mean …?" when a search found nothing: the words and a link
        to search for them with the same filters."""
        if not self.search or self.count:
            return None

        def texts() -> list[str]:
            return [*self.vocabulary_texts(), *SearchSynonym.objects.values_list("term", flat=True)]

        words = did_you_mean(self.search.words, cached_vocabulary(self.vocabulary_key, texts))
        if not words:
            return None
        pairs = [(key, value) for key, value in self.query_pairs() if key != "q"]
        return {"words": words, "url": f"?{urlencode([('q', words), *pairs])}"}

    def filtered(self) -> QuerySet[Any]:
        """The matching items, sorted, without paging."""
        raise NotImplementedError

    def counted(self) -> QuerySet[Any] | None:
        """The same items as :meth:`filtered` without what only their order
        needs (a search's scores), for a cheaper count; None counts
        :meth:`filtered` itself."""
        return None

    def for_display(self, items: QuerySet[Any]) -> QuerySet[Any]:
        """``items`` with what their cards show fetched in a fixed number of queries."""
        return items

    def query_pairs(self) -> list[tuple[str, str]]:
        """The filters in use, as query-string pairs, without the page number."""
        raise NotImplementedError

    @cached_property
    def query_string(self) -> str:
        """The current filters as a query string, without the page number."""
        return urlencode(self.query_pairs())

    def page_url(self, number: int) -> str:
        pairs = self.query_pairs()
        if number > 1 or self.page_one_in_url:
            pairs.append(("page", str(number)))
        return f"?{urlencode(pairs)}"

    @cached_property
    def pagination(self) -> Pagination:
        """One page of what matches. For a queryset, the count and the page are
        worked out over ids alone, then only that page's items are fetched with
        what their cards show: sorting a large listing never carries every
        matching row's text and joins along."""
        matching = self.filtered()
        by_id = isinstance(matching, QuerySet)
        pagination = Pagination(
            matching.values_list("pk", flat=True) if by_id else self.for_display(matching),
            self.params.get("page"),
            per_page=self.page_size,
            url_for=self.page_url,
            label=self.pages_label,
            numbered=self.numbered_page_links,
            counted=self.counted(),
        )
        if by_id:
            ids = list(pagination.page.object_list)
            found = {
                item.pk: item
                for item in self.for_display(matching.model.objects.filter(pk__in=ids))
            }
            pagination.page.object_list = [found[pk] for pk in ids if pk in found]
        return pagination

    @property
    def page(self) -> Page[Any]:
        return self.pagination.page

    @property
    def count(self) -> int:
        return self.pagination.count

    def canonical_queries(self) -> list[list[tuple[str, str]]]:
        """The queries that show exactly this page of the listing: its filters as
        it read them, with the page number (or, on the first page, without it).
        The page cache stores the page under these only (``accept_queries``)."""
        pairs = self.query_pairs()
        number = self.page.number
        queries = [[*pairs, ("page", str(number))]]
        if number == 1:
            queries.append(pairs)
        return queries
