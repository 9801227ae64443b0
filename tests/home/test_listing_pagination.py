"""The listing base's pages (home.listing.pagination and .base) and the one
pagination component, as the board and the directory use them: a page number
from a hand-edited URL never fails, and links between pages keep the filters."""

import pytest
from django.core.paginator import Paginator
from django.http import QueryDict
from django.template.loader import render_to_string
from hypothesis import given
from hypothesis import strategies as st

from home.listing import Listing, Pagination, page_number


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        (None, 1),
        ("", 1),
        ("abc", 1),
        ("\x00", 1),
        ("2\x00", 1),
        ("%00", 1),
        ("1.0", 1),
        ("2.5", 1),
        ("1e3", 1),
        ("0x2", 1),
        ("NaN", 1),
        ("inf", 1),
        ("9" * 5000, 1),  # more digits than Python reads from a string
        ("3", 3),
        (" 3 ", 3),
        ("+3", 3),
        ("\uff13", 3),  # a full-width digit three
        ("0", 5),
        ("-1", 5),
        ("-99999999999999999999", 5),
        ("6", 5),
        ("999999", 5),
        ("99999999999999999999", 5),
        (2, 2),
        (2.0, 2),
        (2.5, 1),
        ([], 1),
    ],
)
def test_page_number_never_fails(raw, number):
    assert page_number(raw, last=5) == number


def test_an_empty_listing_has_one_page():
    for raw in (None, "abc", "0", "1", "2", "-1"):
        assert page_number(raw, last=1) == 1


@given(
    raw=st.none() | st.text(max_size=30) | st.integers().map(str),
    items=st.integers(min_value=0, max_value=100),
    per_page=st.integers(min_value=1, max_value=20),
)
def test_page_number_agrees_with_djangos_get_page(raw, items, per_page):
    """The answer both listings have always given (Paginator.get_page)."""
    paginator = Paginator(range(items), per_page)
    assert page_number(raw, paginator.num_pages) == paginator.get_page(raw).number


def pagination(number, *, pages=20, numbered=True):
    return Pagination(
        range(pages * 10),
        str(number),
        per_page=10,
        url_for=lambda page: f"?q=damp&page={page}",
        label="Pages of things",
        numbered=numbered,
    )


def test_numbered_links_show_two_each_side_and_two_at_each_end():
    links = pagination(10).links
    assert [link.number for link in links] == [1, 2, None, 8, 9, 10, 11, 12, None, 19, 20]
    assert [link.number for link in links if link.current] == [10]
    assert [link.ellipsis for link in links].count(True) == 2
    assert links[0].url == "?q=damp&page=1"


def test_previous_and_next_only_where_there_is_a_page():
    first, middle, last = pagination(1), pagination(5), pagination(20)
    assert (first.previous_url, first.next_url) == ("", "?q=damp&page=2")
    assert (middle.previous_url, middle.next_url) == ("?q=damp&page=4", "?q=damp&page=6")
    assert (last.previous_url, last.next_url) == ("?q=damp&page=19", "")
    assert middle.count == 200
    assert list(middle.page.object_list) == list(range(40, 50))


class Letters(Listing):
    """A listing of letters, filtered by a ``q`` of letters to keep."""

    page_size = 3
    pages_label = "Pages of letters"

    def filtered(self):
        wanted = self.params.get("q", "")
        return [letter for letter in "abcdefghij" if not wanted or letter in wanted]

    def query_pairs(self):
        return [("q", self.params["q"])] if self.params.get("q") else []


class NumberedLetters(Letters):
    numbered_page_links = True
    page_one_in_url = False


def test_a_listing_pages_what_matches_and_links_keep_the_filters():
    listing = Letters(QueryDict("q=abcdefg&page=2"))
    assert listing.count == 7
    assert list(listing.page.object_list) == ["d", "e", "f"]
    assert listing.query_string == "q=abcdefg"
    assert listing.pagination.previous_url == "?q=abcdefg&page=1"
    assert listing.pagination.next_url == "?q=abcdefg&page=3"
    assert Letters(QueryDict("page=2")).pagination.previous_url == "?page=1"


def test_a_listing_can_leave_the_first_page_number_out_of_its_links():
    listing = NumberedLetters(QueryDict("q=abcdefg&page=2"))
    assert listing.pagination.previous_url == "?q=abcdefg"
    assert NumberedLetters(QueryDict("page=2")).pagination.previous_url == "?"


@pytest.mark.parametrize(
    ("raw", "number"),
    [("abc", 1), ("\x00", 1), ("1.5", 1), ("-1", 4), ("0", 4), ("99999999999999999999", 4)],
)
def test_a_listing_reads_any_page_number(raw, number):
    params = QueryDict(mutable=True)
    params["page"] = raw
    assert Letters(params).page.number == number


def render(listing):
    return render_to_string("components/pagination.html", {"pagination": listing.pagination})


def test_the_component_says_page_n_of_m_between_previous_and_next():
    html = render(Letters(QueryDict("page=2")))
    assert '<nav class="pagination" aria-label="Pages of letters">' in html
    assert (
        '<li><a href="?page=1" rel="prev">Previous<span class="visually-hidden"> page</span></a></li>'
        in html
    )
    assert '<li><span aria-current="page">Page 2 of 4</span></li>' in html
    assert (
        '<li><a href="?page=3" rel="next">Next<span class="visually-hidden"> page</span></a></li>'
        in html
    )


def test_the_component_can_link_each_nearby_page():
    html = render(NumberedLetters(QueryDict("q=abcdefghij&page=1")))
    assert "Previous" not in html
    assert (
        '<li><span aria-current="page"><span class="visually-hidden">Page </span>1</span></li>'
        in html
    )
    assert (
        '<li><a href="?q=abcdefghij&amp;page=2"><span class="visually-hidden">Page </span>2</a></li>'
        in html
    )
    assert '<li><a href="?q=abcdefghij&amp;page=2" rel="next">' in html
    assert "Page 1 of" not in html


def test_the_component_shows_nothing_for_one_page():
    assert "<nav" not in render(Letters(QueryDict("q=abc")))
    assert "<nav" not in render(NumberedLetters(QueryDict("q=abc")))
