"""Serving a page that only the holder of a private link may see.

Every such page (and every redirect on the way to one) is never stored by a
browser or proxy, never indexed, and never sends its address, which holds
the token, to another site. One referrer rule for all of them:

- a page that holds a form sends ``Referrer-Policy: same-origin``: under
  ``no-referrer`` browsers post the form with ``Origin: null``, which
  Django's CSRF check rightly refuses, and ``same-origin`` still sends the
  address only to this site;
- every other private page, and every redirect, sends ``no-referrer``.
"""

from collections.abc import Mapping
from typing import Any, TypeVar

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers

FORM_REFERRER_POLICY = "same-origin"
REFERRER_POLICY = "no-referrer"

Response = TypeVar("Response", bound=HttpResponseBase)


def make_private(response: Response, *, has_form: bool = False) -> Response:
    """Give ``response`` the headers of a private page (see the module's docstring)."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, no-cache, must-revalidate, private, max-age=0"
    response["Referrer-Policy"] = FORM_REFERRER_POLICY if has_form else REFERRER_POLICY
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def render_private(
    request: HttpRequest,
    page: Any,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    status: int = 200,
    has_form: bool = False,
) -> TemplateResponse:
    """Render ``template`` for one of ``page``'s private routes.

    The template gets the page as ``page`` and ``self``, as a Wagtail page's
    own template does, and ``private_page``, so its ``<head>`` offers no
    canonical address or share card (home/page_meta.py). ``has_form`` chooses
    the referrer policy.
    """
    response = TemplateResponse(
        request,
        template,
        {"page": page, "self": page, "private_page": True, **(context or {})},
        status=status,
    )
    response.render()
    return make_private(response, has_form=has_form)
