"""Pages of a listing: which page a query string asks for, and the links
between pages that ``templates/components/pagination.html`` renders.

The page number comes from a URL anyone can edit, so reading it never fails:
``?page=abc`` (or a NUL, or a number too long to read) is the first page, and
``?page=0``, ``?page=-1`` or ``?page=999999`` the last one, as Django's
``Paginator.get_page`` has always answered for both listings.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property


def page_number(raw: object, last: int) -> int:
    """The page to show for a ``page`` value from the query string, between 1
    and ``last``: an unreadable value gives the first page, and a number out of
    range, whether above ``last`` or below 1, the last page (Django's rule)."""
    try:
        if isinstance(raw, float) and not raw.is_integer():
            raise ValueError
        number: int = int(raw)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        # Also Python's limit on digits in a string (a ValueError).
        return 1
    if number < 1 or number > last:
        return last
    return number


class CountingPaginator(Paginator):  # type: ignore[type-arg]  # generic to mypy only
    """A paginator whose count comes from a query of its own: the same items
    as the pages, without what only their order needs."""

    def __init__(self, object_list: Any, per_page: int, counted: QuerySet[Any]) -> None:
        super().__init__(object_list, per_page)
        self.counted = counted

    @cached_property
    def count(self) -> int:
        return self.counted.count()


@dataclass(frozen=True)
class PageLink:
    """One numbered link in the pagination nav, or a gap (``number`` None)."""

    number: int | None
    url: str = ""
    current: bool = False

    @property
    def ellipsis(self) -> bool:
        return self.number is None


class Pagination:
    """One page of a listing and the links to the others.

    ``numbered`` shows a link for each page near this one (with gaps) between
    Previous and Next; otherwise the nav says "Page 2 of 5". ``url_for`` gives
    the link to a page number, keeping the listing's filters."""

    def __init__(
        self,
        items: QuerySet[Any] | Sequence[Any],
        raw_number: object,
        *,
        per_page: int,
        url_for: Callable[[int], str],
        label: str,
        numbered: bool = False,
        counted: QuerySet[Any] | None = None,
    ) -> None:
        """``counted``, if given, is what the count counts (the same items as
        ``items``, by a cheaper query)."""
        self.paginator: Paginator[Any] = (
            Paginator(items, per_page)
            if counted is None
            else CountingPaginator(items, per_page, counted)
        )
        self.page: Page[Any] = self.paginator.page(
            page_number(raw_number, self.paginator.num_pages)
        )
        self.url_for = url_for
        self.label = label
        self.numbered = numbered

    @property
    def count(self) -> int:
        return self.paginator.count

    @property
    def previous_url(self) -> str:
        if not self.page.has_previous():
            return ""
        return self.url_for(self.page.previous_page_number())

    @property
    def next_url(self) -> str:
        return self.url_for(self.page.next_page_number()) if self.page.has_next() else ""

    @property
    def links(self) -> list[PageLink]:
        """The numbered links for the pages around this one (two each side, and
        two at each end), with gaps between."""
        links = []
        for number in self.paginator.get_elided_page_range(self.page.number, on_each_side=2):
            if isinstance(number, int):
                links.append(PageLink(number, self.url_for(number), number == self.page.number))
            else:  # the paginator's ellipsis
                links.append(PageLink(None))
        return links
