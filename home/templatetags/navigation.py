from django import template

from home.models import NavigationSettings

register = template.Library()


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context.get("request")
    links = NavigationSettings.load(request_or_site=request).main_menu
    current = getattr(context.get("page"), "url", None) or (request.path if request else "")
    return {"links": links, "current_path": current, "request": request}


@register.inclusion_tag("components/footer_links.html", takes_context=True)
def footer_links(context):
    request = context.get("request")
    return {
        "links": NavigationSettings.load(request_or_site=request).footer_links,
        "request": request,
    }


@register.simple_tag(takes_context=True)
def link_href(context, link):
    """The address a LinkBlock value points at."""
    if link.get("page"):
        return link["page"].get_url(request=context.get("request"))
    return link.get("url") or ""
