"""The admin in plain words: Yes / No / Not given for every true/false value
("Not yet" for a date and time that has not happened),
and bulk-action counts that name the thing ("1 expression of interest selected").

``register_yes_no_display`` makes every inspect view (Wagtail's
``register_display_class``) show booleans as words; ``YesNoColumn`` does the
same in listings. ``bulk_action_names`` gives the words the listing's bulk
action bar uses, which ``static/js/admin/bulk_action_names.js`` hands to
Wagtail in place of "1 snippet selected".
"""

from django.db import models
from django.utils import formats, timezone
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.admin.ui.tables import Column


def yes_no(value):
    if value is None:
        return "Not given"
    return "Yes" if value else "No"


class YesNoDisplay(BaseFieldDisplay):
    def render_html(self, parent_context=None):
        return yes_no(self.value)


class WhenDisplay(BaseFieldDisplay):
    """A date and time as Wagtail shows it, and "Not yet" rather than "None"."""

    def render_html(self, parent_context=None):
        if self.value is None:
            return "Not yet"
        return formats.localize(timezone.template_localtime(self.value))


def register_yes_no_display():
    register_display_class(models.BooleanField, display_class=YesNoDisplay)
    register_display_class(models.DateTimeField, display_class=WhenDisplay)


class YesNoColumn(Column):
    def get_value(self, instance):
        return yes_no(super().get_value(instance))


def bulk_action_names(model_opts):
    """What the bulk action bar says, naming the model (its verbose names)."""
    one, many = str(model_opts.verbose_name), str(model_opts.verbose_name_plural)
    return {
        "SINGULAR": f"1 {one} selected",
        "PLURAL": f"%(objects)s {many} selected",
        "ALL": f"All %(objects)s {many} on this screen selected",
        "ALL_IN_LISTING": f"All {many} in the list selected",
    }
