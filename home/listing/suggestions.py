""" "Did you mean …?" for a search that found nothing: each word that is not in
the listing's word list is swapped for the closest one that is ("manchster"
for "Manchester"), so a typo still gets somewhere where the search backend
has no typo tolerance of its own (SQLite).

The word list comes from what the listing indexes (titles, topics, areas,
partners), is built only when a search finds nothing, and is kept in the
cache for a few minutes: a suggestion a little out of date does no harm.
"""

import difflib
import re
from collections.abc import Callable, Iterable

from django.core.cache import cache

VOCABULARY_SECONDS = 300
# How alike a word must be to suggest it (difflib's ratio, 0 to 1).
CLOSENESS = 0.75
# Words shorter than this are left as typed: too many short words are alike.
SHORTEST_WORD = 3


def vocabulary_from(texts: Iterable[str]) -> dict[str, str]:
    """Each word of ``texts`` in lower case, to the way it was first written."""
    words: dict[str, str] = {}
    for text in texts:
        for word in re.findall(r"\w+", text or ""):
            if len(word) >= SHORTEST_WORD:
                words.setdefault(word.lower(), word)
    return words


def cached_vocabulary(key: str, texts: Callable[[], Iterable[str]]) -> dict[str, str]:
    cache_key = f"search-vocabulary:{key}"
    words = cache.get(cache_key)
    if words is None:
        words = vocabulary_from(texts())
        cache.set(cache_key, words, VOCABULARY_SECONDS)
    return dict(words)


def did_you_mean(words: Iterable[str], vocabulary: dict[str, str]) -> str:
    """``words`` with each unknown one swapped for the closest known word, or
    '' when there is nothing better to offer."""
    suggested = []
    changed = False
    for word in words:
        lowered = word.lower()
        if lowered in vocabulary or len(word) < SHORTEST_WORD:
            suggested.append(word)
            continue
        close = difflib.get_close_matches(lowered, vocabulary, n=1, cutoff=CLOSENESS)
        if close:
            suggested.append(vocabulary[close[0]])
            changed = True
        else:
            suggested.append(word)
    return " ".join(suggested) if changed else ""
