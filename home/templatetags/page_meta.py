from django import template

from home.models import SiteSettings
from home.page_meta import page_meta

register = template.Library()


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def head_meta(context):
    """The description, canonical, robots, Open Graph and Twitter tags (home/page_meta.py)."""
    request = context.get("request")
    if request is None:  # a template rendered without a request
        return {}
    page = context.get("page")
    if page is not None and not hasattr(page, "depth"):
        page = None
    site_settings = SiteSettings.load(request_or_site=request)
    # A private page (home/private_pages.py) is not for sharing: its address
    # holds a token, so it gets a description and nothing that repeats it.
    return {
        "meta": page_meta(request, page, site_settings),
        "private": bool(context.get("private_page")),
    }
