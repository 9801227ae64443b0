"""Which requests the page cache may answer, and which responses it may keep.

A request is answered from the cache only when nothing about it could make
its page personal: a GET or HEAD, from a visitor without a session or
messages cookie or a personalising one such as ``benefits`` (so signed-in editors, and anyone mid-way through a form
that remembered something in their session, always get a fresh page), not
for the admin, documents (whose collections may be private) or a private
message link, nor static files or uploads. Other cookies, such as ``csrftoken``, are ignored.

A response is kept only when it is the same for every such visitor: a 200,
not streamed, setting no cookie, not using a CSRF token (so no page with a
form that carries one), and not marked private or no-store (private-link
pages, ``home.private_pages``), and, when it has a query string, only if the
view said the page shows exactly that query (``accept_queries``). Wagtail's previews are rendered for a dummy
request inside the admin, so they never reach the cache.
"""

from collections.abc import Iterable
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.cache import cc_delim_re

from home.page_cache.keys import meaningful_pairs, normalised_query

# Paths never cached besides the admin's: documents (collection privacy is
# checked per request) and the neutral private message link.
NEVER_CACHED_PREFIXES = ("/documents/", "/m/")
REFUSING_DIRECTIVES = {"private", "no-store", "no-cache"}
# Where a view leaves the queries its page may be stored under (accept_queries).
ACCEPTED_QUERIES = "page_cache_accepted_queries"


def cache_is_enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def never_cached_prefixes() -> tuple[str, ...]:
    """Static files and uploads are files with their own caching headers (WhiteNoise, the media view)."""
    return (
        reverse("wagtailadmin_home"),
        settings.STATIC_URL,
        settings.MEDIA_URL,
        *NEVER_CACHED_PREFIXES,
    )


def carries_personal_state(request: HttpRequest) -> bool:
    """A session (signed in, or remembered between steps), messages waiting to be
    shown, or a cookie that personalises pages (PAGE_CACHE_PERSONAL_COOKIES)."""
    cookies = request.COOKIES
    personal = (
        settings.SESSION_COOKIE_NAME,
        CookieStorage.cookie_name,
        *settings.PAGE_CACHE_PERSONAL_COOKIES,
    )
    return any(name in cookies for name in personal)


def request_may_use_cache(request: HttpRequest) -> bool:
    if not cache_is_enabled() or request.method not in ("GET", "HEAD"):
        return False
    if carries_personal_state(request) or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.path.startswith(never_cached_prefixes()):
        return False
    try:
        request.get_host()
    except DisallowedHost:
        return False  # the view answers with Django's own 400
    return True


def refuses_shared_caching(response: HttpResponseBase) -> bool:
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return bool(directives & REFUSING_DIRECTIVES)


def accept_queries(request: HttpRequest, queries: Iterable[Iterable[tuple[str, str]]]) -> None:
    """Said by a view whose page reads the query string (a listing): these
    queries, and only these, show exactly the page it rendered, so the page may
    be stored under them. Any other query (a parameter it does not read, a value
    it could not use, ``?page=abc``) is rendered but never stored, so made-up
    query strings cannot fill the cache and push real pages out."""
    setattr(request, ACCEPTED_QUERIES, {urlencode(meaningful_pairs(pairs)) for pairs in queries})


def query_is_accepted(request: HttpRequest) -> bool:
    """A page without a meaningful query, or one whose view accepted this query."""
    query = normalised_query(request.META.get("QUERY_STRING", ""))
    return not query or query in getattr(request, ACCEPTED_QUERIES, ())


def response_may_be_stored(request: HttpRequest, response: HttpResponseBase) -> bool:
    return (
        query_is_accepted(request)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "is_dummy", False)
        and not refuses_shared_caching(response)
    )
