"""Keywords as people type them, made safe to search for, and the search
itself.

Wagtail search cannot filter on many-to-many fields (topics, access support,
areas), so a listing searches for ids and lets the ORM do every filter, the
sort and the paging. :func:`matches_search` is the one place that turns
words into that condition: how the ids reach the database (today a list of
primary keys) can change here without touching any listing.
"""

import re

from django.db.models import Model, Q

MAX_KEYWORDS_LENGTH = 200


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


def matches_search(model: type[Model], words: str, operator: str | None = None) -> Q:
    """A condition for the live ``model`` pages that Wagtail search finds for
    ``words`` (already passed through :func:`search_words`); no words match
    nothing. ``operator`` is ``"and"`` (every word), ``"or"`` (any word) or
    None for the search backend's own default."""
    if not words:
        return Q(pk__in=[])
    found = model.objects.live().search(words, operator=operator)  # type: ignore[attr-defined]
    return Q(pk__in=[page.pk for page in found])
