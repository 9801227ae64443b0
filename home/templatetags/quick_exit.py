from django import template

from home.quick_exit import quick_exit_url

register = template.Library()


@register.inclusion_tag("components/quick_exit.html")
def quick_exit():
    """The "Leave this site" button (home/quick_exit.py)."""
    return {"url": quick_exit_url()}
