"""Cache keys for whole pages, and the site-wide generation they carry.

One generation for the whole site: any change an editor makes that a public
page could show starts a new one, and entries of older generations are never
read again (they expire on their own). Simple and always right; the cost is
that one change empties the cache for every page, which a site of this size
refills in seconds. The generation is a random token rather than a counter,
so a cache that lost it (an eviction, a restart) can never fall back to an
older generation's entries.
"""

import hashlib
import secrets
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlencode

from django.core.cache import cache
from django.http import HttpRequest

GENERATION_KEY = "page-cache:generation"


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, secrets.token_hex(8), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation


def start_new_generation() -> None:
    """Every page stored so far is out of date."""
    cache.set(GENERATION_KEY, secrets.token_hex(8), timeout=None)


# Parameters that only say where a visitor came from (a campaign, an ad click):
# no page reads them, so a mailing's links share the entry of the plain address.
CLICK_IDS = frozenset({"fbclid", "gclid", "dclid", "msclkid", "twclid", "mc_cid", "mc_eid"})


def is_tracking(name: str) -> bool:
    return name.startswith("utm_") or name in CLICK_IDS


def meaningful_pairs(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs a page can depend on, in one order: no tracking parameters and
    no blank values (a blank filter means no filter on every listing here)."""
    return sorted((name, value) for name, value in pairs if value and not is_tracking(name))


def normalised_query(query_string: str) -> str:
    """The same parameters in one order: ``b=1&a=2`` and ``a=2&b=1`` give one
    entry, and so do ``?utm_source=radio`` and ``?q=`` with no query at all."""
    return urlencode(meaningful_pairs(parse_qsl(query_string, keep_blank_values=True)))


def page_key(request: HttpRequest, generation: str) -> str:
    """The key for this page, whoever asks: scheme, host, path and query, no cookies.

    ``request.get_host()`` has already been checked against ALLOWED_HOSTS.
    """
    address = "|".join(
        (
            request.scheme,
            request.get_host().lower(),
            request.path,
            normalised_query(request.META.get("QUERY_STRING", "")),
        )
    )
    digest = hashlib.sha256(address.encode("utf-8", "surrogateescape")).hexdigest()
    return f"page-cache:{generation}:{digest}"
