"""How every public form describes its fields to screen readers (GOV.UK pattern).

A field's hint has the id ``<field id>-hint`` and its error ``<field id>-error``;
the input (or, for radios and checkboxes, the fieldset around them) names
both in ``aria-describedby``, and an input with an error is
``aria-invalid``. Forms get this by inheriting ``DescribedForm``; the
templates in ``templates/components/forms/`` read the same ids from the
field (``field.hint_id``, ``field.error_id``, ``field.aria_describedby``),
so the ids are decided here and nowhere else.
"""

import re
from typing import TYPE_CHECKING, Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms import BoundField

if TYPE_CHECKING:
    _FormBase = forms.Form
else:
    _FormBase = object


class DescribedField(BoundField):
    """A bound field that knows the ids of its hint and error message."""

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error"

    @property
    def aria_describedby(self) -> str:
        """The ids of the hint and error shown for this field, if any."""
        if not self.auto_id or self.is_hidden:
            return ""
        described = []
        if self.help_text:
            described.append(self.hint_id)
        if self.errors:
            described.append(self.error_id)
        return " ".join(described)

    def build_widget_attrs(
        self, attrs: dict[str, Any], widget: forms.Widget | None = None
    ) -> dict[str, Any]:
        # The description comes first: the order the site's inputs have always
        # had. Radios and checkboxes are described on their fieldset instead.
        first: dict[str, Any] = {}
        if not self.use_fieldset and self.aria_describedby:
            first["aria-describedby"] = self.aria_describedby
        if self.errors and not (widget or self.field.widget).is_hidden:
            first["aria-invalid"] = "true"
        return {**first, **super().build_widget_attrs(attrs, widget)}


class DescribedForm(_FormBase):
    """Mix into a public form (before the Django form class): described
    fields, and the items of the error summary."""

    bound_field_class = DescribedField

    def summary_message(self, field: BoundField, error: str) -> str:
        """How one field's error reads in the summary (a form may name the question)."""
        return error

    def error_summary(self) -> list[tuple[str, str]]:
        """``(href, message)`` for the summary at the top of the page: the form's
        own errors first, then each field's, linking to the field (the first
        option of a set of radios or checkboxes)."""
        items = [("", str(message)) for message in self.non_field_errors()]
        for name in self.fields:
            if name not in self.errors:
                continue
            bound = self[name]
            anchor = f"#{bound.auto_id}_0" if bound.use_fieldset else f"#{bound.auto_id}"
            items.extend(
                (anchor, self.summary_message(bound, str(error))) for error in self.errors[name]
            )
        return items


# The largest id a database column holds (a signed 64-bit integer); a longer
# number would overflow the query rather than simply match nothing.
_RECORD_ID = re.compile(r"[0-9]{1,18}")


class RecordChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A choice of one record by its id that refuses, beside the field, any
    value that is not a plain id a database can hold (``99999999999999999999``
    would overflow SQLite's and PostgreSQL's integers: a server error)."""

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        if not _RECORD_ID.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)
