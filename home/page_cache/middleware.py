"""Serve whole public pages from the cache to visitors who are not signed in.

Sits above the session, CSRF, authentication and messages middleware: a page
served from the cache never reaches them, so it reads and sets no cookie and
costs no database query. It sits above the Permissions-Policy and Content
Security Policy middleware too: their headers are kept with the page, as the
public policy carries no nonce and is the same for every visitor, so a hit
skips building them again (half the cost of a hit). Only Django's
SecurityMiddleware (the HTTPS redirect, HSTS) runs before it.

Every cached page goes out with ``Cache-Control: public, max-age=0,
must-revalidate, s-maxage=N`` (browsers check back each time, cheaply, with
the ``ETag``; a CDN may keep it for N seconds, no longer than the cache
itself) and answers ``If-None-Match`` with 304. Responses the cache refused
carry ``Cache-Control: private, no-cache`` unless they say otherwise, so no
shared cache keeps a page meant for one visitor.
"""

import hashlib
import time
from collections.abc import Callable

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control

from home.page_cache.expiry import seconds_to_keep
from home.page_cache.keys import current_generation, page_key
from home.page_cache.policy import request_may_use_cache, response_may_be_stored

CACHE_STATUS_HEADER = "X-Page-Cache"
# Headers that belong to one response, not to the page.
NOT_KEPT = {"set-cookie", "vary", "cache-control", "etag", "content-length", "x-page-cache"}


def entry_from(response: HttpResponseBase, lifetime: int) -> dict:
    content = response.content  # type: ignore[attr-defined]
    return {
        "status": response.status_code,
        "content": content,
        "headers": [
            (name, value) for name, value in response.items() if name.lower() not in NOT_KEPT
        ],
        "etag": '"' + hashlib.sha256(content).hexdigest()[:32] + '"',
        "expires_at": time.time() + lifetime,
    }


def response_from(request: HttpRequest, entry: dict, status: str) -> HttpResponseBase:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    remaining = max(0, int(entry["expires_at"] - time.time()))
    response["Cache-Control"] = f"public, max-age=0, must-revalidate, s-maxage={remaining}"
    response["ETag"] = entry["etag"]
    response[CACHE_STATUS_HEADER] = status
    conditional = get_conditional_response(request, etag=entry["etag"], response=response)
    return conditional if conditional is not None else response


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not request_may_use_cache(request):
            return self.not_cached(self.get_response(request))
        # The key is fixed before the page is rendered: a page rendered while
        # an editor publishes is stored under the old generation, never read.
        generation = current_generation()
        key = page_key(request, generation)
        entry = cache.get(key)
        if entry is not None:
            return response_from(request, entry, "hit")
        response = self.get_response(request)
        if response_may_be_stored(request, response):
            lifetime = seconds_to_keep(generation)
            if lifetime > 0:
                entry = entry_from(response, lifetime)
                cache.set(key, entry, timeout=lifetime)
                return response_from(request, entry, "miss")
        return self.not_cached(response)

    def not_cached(self, response: HttpResponseBase) -> HttpResponseBase:
        if "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response
