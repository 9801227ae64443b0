"""Slots let one app show its part on another app's page without an import.

``home`` and ``partners`` must not import ``opportunities`` or ``ladder``.
Instead, those apps register Wagtail hooks named ``slot:<name>`` that take
the template context and return HTML (or an empty string), and templates
mark where they go with ``{% slot "partner_profile" %}``. A slot with
nothing registered, or nothing to show, renders nothing.
"""

from django import template
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name):
    parts = [fn(context) for fn in hooks.get_hooks(f"slot:{name}")]
    return mark_safe("".join(str(part) for part in parts if part))  # noqa: S308
