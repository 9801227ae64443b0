"""The one base for listings that people search, filter and page through: the
opportunity board and the partner directory.

- ``search``: keyword cleaning, and searching for ids that the ORM then
  filters (Wagtail search cannot filter on many-to-many fields).
- ``filters``: the filter form's rule for values it cannot read: that filter
  is dropped, the others still apply, and the field says why.
- ``pagination``: page numbers read from the query string without ever
  failing, and the links between pages that
  ``templates/components/pagination.html`` renders.
- ``base``: :class:`Listing`, which puts these together for one request.
"""

from home.listing.base import Listing
from home.listing.filters import FilterForm, KeywordsField, LenientMultipleChoiceField
from home.listing.pagination import PageLink, Pagination, page_number
from home.listing.search import clean_keywords, matches_search, search_words

__all__ = [
    "FilterForm",
    "KeywordsField",
    "LenientMultipleChoiceField",
    "Listing",
    "PageLink",
    "Pagination",
    "clean_keywords",
    "matches_search",
    "page_number",
    "search_words",
]
