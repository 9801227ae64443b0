"""Purge from the CDN every page that shows a page that changed.

Wagtail's frontend cache (``wagtail.contrib.frontend_cache``, configured in
config/settings/cdn.py) purges the published or unpublished page's own
addresses. A page also shows on others: an opportunity on the board, the
board's feeds, the home page and its partner's profile. Apps name those
through the ``cdn_pages_showing`` hook: a function that takes the specific
page and returns full URLs (or nothing). Purging waits for the commit, so the
CDN never fetches the old page again in between.

Filtered and paged listings (``?topic=…``) cannot all be named: the CDN keeps
them no longer than the ``s-maxage`` the page cache gives them.
"""

from django.db import transaction
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.signals import page_published, page_unpublished, post_page_move

PAGES_SHOWING_HOOK = "cdn_pages_showing"


def urls_showing(page) -> list[str]:
    urls: list[str] = []
    for source in hooks.get_hooks(PAGES_SHOWING_HOOK):
        urls.extend(url for url in source(page) or () if url)
    return urls


def purge_pages_showing(instance, **kwargs) -> None:
    if not get_backends():
        return
    urls = urls_showing(instance.specific_deferred)
    if urls:
        transaction.on_commit(PurgeBatch(urls).purge)


def connect_cdn_purge() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(purge_pages_showing, dispatch_uid=f"home.page_cache.cdn.{id(signal)}")
