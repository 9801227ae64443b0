"""The small-number rule in templates: ``{% if value|withheld %}``."""

from django import template

from privacy.small_numbers import is_withheld

register = template.Library()


@register.filter
def withheld(value):
    """True when a figure was withheld (fewer than 5 people behind it)."""
    return is_withheld(value)
