from django import template

from ladder.slots import network_standing

register = template.Library()


@register.inclusion_tag("components/ladder/network_standing.html")
def where_our_network_stands():
    """The ladder page's count of partners on each rung (published rungs only)."""
    return network_standing()
