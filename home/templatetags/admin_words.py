from django import template
from django.utils.html import json_script

from home.admin.plain_words import bulk_action_names

register = template.Library()


@register.simple_tag
def bulk_action_names_json(model_opts):
    """The bulk action bar's words for this model, for bulk_action_names.js."""
    return json_script(bulk_action_names(model_opts), "bulk-action-names")
