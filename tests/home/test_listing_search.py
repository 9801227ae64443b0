"""The listing base's keyword cleaning and search (home.listing.search), used
by the opportunity board and the partner directory: whatever a person types,
only words reach the search backend, and searching never fails."""

import re

import pytest
from django.db import OperationalError, connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.listing import clean_keywords, matches_search, search_words
from home.models import StandardPage

pytestmark = pytest.mark.usefixtures("search_index")

# What full-text search engines read as syntax (SQLite FTS5, PostgreSQL tsquery).
SEARCH_SYNTAX = ['"', "'", "*", "^", ":", "(", ")", "-", "+", "&", "|", "!", "<->", "~",
                 "AND", "OR", "NOT", "NEAR", "NEAR(", "\\", "%", "_", "\x00", "\t", "\n"]  # fmt: skip

syntax_or_scraps = st.sampled_from(SEARCH_SYNTAX) | st.text(max_size=8)
typed_text = st.lists(syntax_or_scraps, max_size=20).map(" ".join) | st.text(max_size=80)


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        (None, ""),
        ("", ""),
        ('"', ""),
        ('hostel OR "', "hostel OR"),
        ('a"b', "a b"),
        ("(rules", "rules"),
        ("^:", ""),
        ("*", ""),
        ("-", ""),
        ("NEAR(damp mould)", "NEAR damp mould"),
        ("da\x00mp", "da mp"),
        ("  damp\t\nand   mould  ", "damp and mould"),
        ("café naïve Zoë", "café naïve Zoë"),
        ("wheelchair 🦽 access", "wheelchair access"),
        ("£13.45 per hour", "13 45 per hour"),
        ("x" * 500, "x" * 500),
    ],
)
def test_search_words_keeps_only_the_words(typed, words):
    assert search_words(typed) == words


def test_search_words_stops_at_the_limit():
    assert search_words("one two three four", limit=2) == "one two"
    assert search_words("one two three four") == "one two three four"


@given(typed_text, st.none() | st.integers(min_value=1, max_value=15))
def test_search_words_gives_plain_words_from_the_text_and_no_more_than_asked(text, limit):
    words = search_words(text, limit=limit).split(" ") if search_words(text) else []
    assert all(re.fullmatch(r"\w+", word) for word in words)
    assert all(word in text for word in words)
    if limit is not None:
        assert len(words) <= limit


@pytest.mark.parametrize(
    ("typed", "keywords"),
    [
        ("da\x00mp", "damp"),
        ("  damp   and  mould ", "damp and mould"),
        ("\u200bdamp", "damp"),
        ("x" * 500, "x" * 200),
        (None, "None"),
        ('"hostel" OR rules', '"hostel" OR rules'),
    ],
)
def test_clean_keywords_drops_control_characters_and_cuts_to_length(typed, keywords):
    assert clean_keywords(typed) == keywords


@given(typed_text)
def test_clean_keywords_is_printable_and_short(text):
    keywords = clean_keywords(text)
    assert keywords.isprintable()
    assert len(keywords) <= 200
    assert keywords == keywords.strip()
    assert "  " not in keywords


@pytest.fixture
def pages(home_page):
    def publish(title, live=True):
        page = StandardPage(title=title, introduction=f"{title}, a test page.")
        home_page.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.live = False
            page.save_revision()
            page.save()
        return page

    return {
        "damp": publish("Damp and mould"),
        "hostel": publish("Hostel rules review"),
        "draft": publish("Damp in draft", live=False),
    }


def titles(condition):
    return sorted(StandardPage.objects.filter(condition).values_list("title", flat=True))


@pytest.mark.django_db
def test_matches_search_finds_live_pages_for_any_or_every_word(pages):
    # The draft that says "damp" is never found.
    assert titles(matches_search(StandardPage, "damp")) == ["Damp and mould"]
    assert titles(matches_search(StandardPage, "damp hostel", operator="or")) == [
        "Damp and mould",
        "Hostel rules review",
    ]
    both = titles(matches_search(StandardPage, "damp hostel", operator="and"))
    if connection.vendor == "postgresql":
        # No page has both words, so PostgreSQL offers close matches (Fuzzy) instead.
        assert both == ["Damp and mould", "Hostel rules review"]
    else:
        assert both == []
    assert titles(matches_search(StandardPage, "hostel rules", operator="and")) == [
        "Hostel rules review"
    ]


@pytest.mark.django_db
def test_matches_search_with_no_words_matches_nothing(pages):
    assert titles(matches_search(StandardPage, "")) == []
    # So a listing can still add its own condition alongside (the directory's name match).
    assert StandardPage.objects.filter(matches_search(StandardPage, "")).count() == 0


@pytest.mark.django_db
def test_a_stray_quote_is_search_syntax_until_cleaned(pages):
    if connection.vendor == "sqlite":
        with pytest.raises(OperationalError):
            list(StandardPage.objects.live().search('hostel "'))
    assert titles(matches_search(StandardPage, search_words('hostel "'))) == ["Hostel rules review"]


@pytest.mark.django_db
@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=typed_text)
def test_searching_for_anything_typed_never_fails(pages, text):
    for operator in (None, "and", "or"):
        StandardPage.objects.filter(
            matches_search(StandardPage, search_words(clean_keywords(text)), operator=operator)
        ).count()
        StandardPage.objects.filter(
            matches_search(StandardPage, search_words(text, limit=12), operator=operator)
        ).count()
