"""Keywords as people type them, made safe to search for, and the search
itself.

Wagtail search cannot filter on many-to-many fields (topics, access support,
areas), so a listing asks the search backend for a *subquery* of matching ids
and lets the database do every filter, the sort, the count and the paging in
one statement: no page, and no list of ids, passes through Python. The
backends are modelsearch's database ones (SQLite FTS5, PostgreSQL full-text
search), whose results give the query they run (``get_queryset()``); this
module builds on that and on nothing else of theirs.

What a person types becomes a modelsearch query here too: each word, or each
term an editor gave synonyms for ("wheelchair"), is a group that any of its
alternatives satisfies ("wheelchair" OR "step-free"), and the groups are
combined with the listing's operator ("and": every group must match). On
PostgreSQL a search that finds nothing is tried again with a ``Fuzzy`` query
(pg_trgm), so "manchster" finds Manchester.
"""

import re
from collections.abc import Mapping, Sequence
from typing import Any

from django.db import connections, router
from django.db.models import F, Model, OrderBy, OuterRef, Q, QuerySet, Subquery
from django.utils.functional import cached_property
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Fuzzy, Or, PlainText, SearchQuery

MAX_KEYWORDS_LENGTH = 200
# The annotation that carries the backend's score for each match.
RELEVANCE = "search_relevance"

Synonyms = Mapping[tuple[str, ...], Sequence[tuple[str, ...]]]


def clean_keywords(raw: object, max_length: int = MAX_KEYWORDS_LENGTH) -> str:
    """What a person typed in a search box, safe to show and to match on: no
    control characters (a NUL breaks PostgreSQL), squeezed spaces, a sane
    length."""
    text = "".join(character for character in str(raw) if character.isprintable())
    return " ".join(text.split())[:max_length]


def search_words(text: str | None, limit: int | None = None) -> str:
    """Only the words of a search, at most ``limit`` of them, for the search
    backend: quotes and operators in what people type would be read as search
    syntax (SQLite's full-text search rejects a stray quote)."""
    return " ".join(re.findall(r"\w+", text or "")[:limit])


def phrase(words: Sequence[str]) -> PlainText:
    """Every one of ``words`` (a term like "Universal Credit" is two words)."""
    return PlainText(" ".join(words), operator="and")


def word_groups(words: Sequence[str], synonyms: Synonyms) -> list[SearchQuery]:
    """One query per word of the search, or per term with synonyms: the
    longest term that starts at each word wins ("universal credit" before
    "universal"), matched without regard to case."""
    lowered = [word.lower() for word in words]
    longest = max((len(term) for term in synonyms), default=0)
    groups: list[SearchQuery] = []
    position = 0
    while position < len(words):
        for length in range(min(longest, len(words) - position), 0, -1):
            alternatives = synonyms.get(tuple(lowered[position : position + length]))
            if alternatives:
                typed = words[position : position + length]
                groups.append(Or([phrase(typed), *(phrase(alt) for alt in alternatives)]))
                position += length
                break
        else:
            groups.append(PlainText(words[position]))
            position += 1
    return groups


def search_query(words: Sequence[str], synonyms: Synonyms, operator: str) -> SearchQuery:
    """The modelsearch query for ``words``: each word's group, all of them
    (``operator`` "and") or any (``"or"``)."""
    groups = word_groups(words, synonyms)
    if all(isinstance(group, PlainText) for group in groups):
        # One query for plain words: the backends score it as one match
        # (SQLite's score for an And of separate words ranks the best last).
        return PlainText(" ".join(words), operator=operator)
    if len(groups) == 1:
        return groups[0]
    return And(groups) if operator == "and" else Or(groups)


class KeywordSearch:
    """A search of the live pages of one model for what a person typed.

    :meth:`found_ids` narrows a listing's filtered rows to what the index
    finds, before they are sorted or counted; :meth:`ranked` gives rows their
    scores (:meth:`by_score` sorts on them); :meth:`ids` is a subquery of the
    live matches' ids and :meth:`by_relevance` a score per row, for a listing
    that ORs the search with another condition. All of them run inside the
    listing's own queries, so a search adds no query of its own on SQLite and
    one (does anything match exactly?) on PostgreSQL, two when nothing does
    (the close matches' ids, read once).
    """

    def __init__(
        self,
        model: type[Model],
        text: str | None,
        *,
        synonyms: Synonyms | None = None,
        operator: str = "and",
        word_limit: int | None = None,
    ) -> None:
        self.model = model
        self.words = search_words(text, limit=word_limit).split()
        self.synonyms = synonyms or {}
        self.operator = operator

    def __bool__(self) -> bool:
        return bool(self.words)

    @property
    def vendor(self) -> str:
        return connections[router.db_for_read(self.model)].vendor

    @cached_property
    def query(self) -> SearchQuery:
        return search_query(self.words, self.synonyms, self.operator)

    def backend_matches(
        self, query: SearchQuery, candidates: QuerySet[Any], scored: bool = True
    ) -> QuerySet[Any]:
        """The ``candidates`` that match ``query``, each with its score if
        ``scored``, as the backend's own query (not yet run)."""
        results = get_search_backend().search(
            query,
            candidates,
            operator=self.operator,
            order_by_relevance=scored,
        )
        if scored:
            results = results.annotate_score(RELEVANCE)
        matches: QuerySet[Any] = results.get_queryset()
        return matches

    @cached_property
    def is_close_match(self) -> bool:
        """Whether nothing matched exactly and the matches are close ones
        (PostgreSQL only: ``Fuzzy`` needs pg_trgm)."""
        if not self.words or self.vendor != "postgresql":
            return False
        live = self.model._default_manager.live()  # type: ignore[attr-defined]
        return not self.backend_matches(self.query, live, scored=False).exists()

    def effective_query(self) -> SearchQuery:
        return Fuzzy(" ".join(self.words)) if self.is_close_match else self.query

    def ranked(self, candidates: QuerySet[Any], scored: bool = True) -> QuerySet[Any]:
        """The ``candidates`` that match, each with its score (``RELEVANCE``)
        if ``scored``, in one query with the search: on PostgreSQL the score
        comes from a join with the index, not a lookup per row. Scores cost
        time on every match, so leave them out when sorting by something
        else. ``candidates`` may be narrowed by ``id`` (which Wagtail indexes
        for filtering): ``Model.objects.filter(id__in=filtered.values("pk"))``."""
        return self.backend_matches(self.effective_query(), candidates, scored)

    def found_ids(self, candidates: QuerySet[Any]) -> QuerySet[Any] | list[Any]:
        """The ids of the pages the search finds, to narrow ``candidates`` (a
        listing's filtered rows) with (``pk__in``) before they are sorted or
        counted.

        Exact matches: a subquery of every page of the model that the index
        finds (live or not: the listing keeps its own rules), which the
        database works out on its own, from the full-text index, before it
        meets the listing's rows: ``DISTINCT`` (the ids are distinct anyway)
        keeps PostgreSQL from folding it into the listing's query, where it
        chose to test each candidate's index entry in turn (each entry's text
        unpacked and joined again: about 100 ms for the 10,018 open
        opportunities at 100,000) over reading the matches from the index
        (about 10 ms for 10,000 matches).

        Close matches (PostgreSQL): ``Fuzzy`` compares trigrams with each
        entry's text, which no index serves, so only the candidates' entries
        are compared, once: their ids come as a list (a typo's close matches
        are few) rather than a subquery the count and the page would each
        run again. Call it once per listing."""
        if self.is_close_match:
            narrowed = self.model._default_manager.filter(id__in=candidates.values("pk"))
            close = self.backend_matches(self.effective_query(), narrowed, scored=False)
            return list(close.order_by().values_list("pk", flat=True))
        everything = self.model._default_manager.all()
        matches = self.backend_matches(self.effective_query(), everything, scored=False)
        return matches.order_by().values("pk").distinct()

    def by_score(self) -> OrderBy:
        """Best match first, on a queryset from :meth:`ranked`. SQLite's score
        (bm25) is lower for a better match; PostgreSQL's rank higher."""
        return OrderBy(F(RELEVANCE), descending=self.vendor != "sqlite", nulls_last=True)

    @cached_property
    def matches(self) -> QuerySet[Any]:
        live = self.model._default_manager.live()  # type: ignore[attr-defined]
        return self.backend_matches(self.effective_query(), live)

    def ids(self) -> QuerySet[Any]:
        """The matching live pages' ids, as a subquery; nothing when there are
        no words. For a listing that also matches in another way (the
        directory's part-word match on names)."""
        if not self.words:
            return self.model._default_manager.none().values("pk")
        return self.matches.order_by().values("pk")

    def condition(self) -> Q:
        return Q(pk__in=self.ids())

    def by_relevance(self) -> OrderBy:
        """Best match first, then rows that matched some other way, on any
        queryset of the model: a score looked up for each row, so for short
        listings (the directory); the board uses :meth:`ranked`."""
        score = self.matches.filter(pk=OuterRef("pk")).order_by().values(RELEVANCE)[:1]
        return OrderBy(Subquery(score), descending=self.vendor != "sqlite", nulls_last=True)


def matches_search(model: type[Model], words: str, operator: str | None = None) -> Q:
    """A condition for the live ``model`` pages that Wagtail search finds for
    ``words`` (already passed through :func:`search_words`); no words match
    nothing. ``operator`` is ``"and"`` (every word) or ``"or"`` (any word)."""
    return KeywordSearch(model, words, operator=operator or "and").condition()
