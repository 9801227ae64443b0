"""What a page says about itself in ``<head>``: the description search
engines show, its canonical address, whether it may be indexed, and the Open
Graph and Twitter card tags a shared link is shown with.

The description is the page's search description (Promote tab), else its own
summary or introduction, else the organisation's strapline. A listing page
(``listing_page = True``: the board, the partner directory) is ``noindex,
follow`` when filtered or paged, so search engines index the listing once and
still follow its links; campaign tags and blank filters do not count, as they
share the plain page's cache entry (home/page_cache/keys.py). Its canonical address is the page's own, without the
query string. A page's share image is its share card, drawn when it was
published (home/share_cards.py), else ``page.share_image_url()`` when the page
type has one (a partner's logo), else the organisation's logo, else the site's
own card (static/icons/share.png). Every address is on the site's address
(home/site_address.py).
"""

from dataclasses import dataclass

from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.text import Truncator

from home.models import ShareCard
from home.page_cache.keys import normalised_query
from home.site_address import absolute_url

DESCRIPTION_LENGTH = 160
DESCRIPTION_FIELDS = ("summary", "introduction", "hero_text")
SHARE_IMAGE_FILTER = "max-1200x630"
LISTING_NOINDEX = "noindex, follow"


@dataclass(frozen=True)
class PageMeta:
    title: str
    description: str
    canonical_url: str
    robots: str
    og_type: str
    image_url: str
    image_alt: str
    site_name: str


def page_description(page, fallback=""):
    """The page's search description, else the first of its own summaries, plain text."""
    text = getattr(page, "search_description", "") or ""
    for field in DESCRIPTION_FIELDS:
        if text.strip():
            break
        value = getattr(page, field, "")
        text = strip_tags(str(value)) if value else ""
    text = " ".join((text or fallback).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH)


def share_image(page, site_settings):
    """(absolute URL, alternative text) of the image a shared link shows."""
    if page is not None and hasattr(page, "share_card_text"):
        card = ShareCard.objects.filter(page_id=page.pk).values_list("url", "alt_text").first()
        if card:
            return absolute_url(card[0]), card[1]
    own = getattr(page, "share_image_url", None)
    if callable(own):
        found = own()
        if found:
            return found
    if site_settings.logo_id:
        rendition = site_settings.logo.get_rendition(SHARE_IMAGE_FILTER)
        return absolute_url(rendition.url), site_settings.logo.title
    return absolute_url(static("icons/share.png")), site_settings.organisation_name


def page_meta(request, page, site_settings, title=""):
    """The ``<head>`` tags' values for ``page`` (None on pages that are not Wagtail pages)."""
    site_name = site_settings.organisation_name
    robots = ""
    if (
        page is not None
        and getattr(page, "listing_page", False)
        and normalised_query(request.META.get("QUERY_STRING", ""))
        and request.path == page.get_url(request)
    ):
        robots = LISTING_NOINDEX
    image_url, image_alt = share_image(page, site_settings)
    return PageMeta(
        title=title or getattr(page, "seo_title", "") or getattr(page, "title", "") or site_name,
        description=page_description(page, fallback=site_settings.strapline or site_name),
        canonical_url=absolute_url(request.path),
        robots=robots,
        og_type="article" if page is not None and page.depth > 2 else "website",
        image_url=image_url,
        image_alt=image_alt,
        site_name=site_name,
    )
