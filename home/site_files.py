"""The files browsers and crawlers ask for at the site's root: robots.txt,
the web app manifest, and /favicon.ico and /apple-touch-icon.png (asked for
by name even by pages that link their icons, so they would log 404s).

robots.txt lists no private paths: naming them would point them out. Private
pages keep out of search engines by their own ``noindex`` and ``no-store``
(home/private_pages.py), and the admin's pages carry ``noindex``.
"""

import json

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from home.models import SiteSettings
from home.site_address import absolute_url

THEME_COLOUR = "#1f4e5f"


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Allow: /",
        "",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def web_app_manifest(request: HttpRequest) -> HttpResponse:
    site_settings = SiteSettings.load(request_or_site=request)
    manifest = {
        "name": site_settings.organisation_name,
        "short_name": site_settings.organisation_name[:12],
        "description": site_settings.strapline,
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(json.dumps(manifest), content_type="application/manifest+json")


def static_icon(name: str):
    """A view that sends the root icon address on to the hashed static file."""

    @require_GET
    @cache_control(max_age=86400, public=True)
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponsePermanentRedirect(static(f"icons/{name}"))

    return view
