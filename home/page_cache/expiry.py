"""How long a cached page may live.

No longer than ``PAGE_CACHE_SECONDS``, and never past the next moment a page
could change by itself with nobody publishing anything: an opportunity
closing (no "open" after its closing time) or entering its "closing soon"
days. Apps name those moments through the ``page_cache_next_change`` hook: a
function that returns the next such moment (an aware datetime), or None.

The moment is found once per generation and kept in the cache until it
passes, so storing a page costs no extra queries.
"""

import time

from django.conf import settings
from django.core.cache import cache
from wagtail import hooks

NEXT_CHANGE_HOOK = "page_cache_next_change"
NO_CHANGE_DUE = 0.0


def next_change_timestamp() -> float:
    """The soonest moment any app says a page will change by itself, or NO_CHANGE_DUE."""
    moments = [moment for source in hooks.get_hooks(NEXT_CHANGE_HOOK) if (moment := source())]
    return min(moment.timestamp() for moment in moments) if moments else NO_CHANGE_DUE


def seconds_to_keep(generation: str) -> int:
    """How long a page stored now may be served: 0 means do not store it."""
    key = f"page-cache:{generation}:next-change"
    now = time.time()
    limit = settings.PAGE_CACHE_SECONDS
    next_change = cache.get(key)
    if next_change is None or (next_change != NO_CHANGE_DUE and next_change <= now):
        next_change = next_change_timestamp()
        timeout = max(1, int(next_change - now)) if next_change > now else limit
        cache.set(key, next_change, timeout=min(timeout, limit))
    if next_change == NO_CHANGE_DUE:
        return limit
    return max(0, min(limit, int(next_change - now)))
