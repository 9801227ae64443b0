"""The filter form of a listing: every filter a plain GET parameter, and a
value the form cannot read drops that filter only (the rest still apply),
never an error page. The field then says why, for the template to show
beside it."""

from typing import Any

from django import forms

from home.listing.search import clean_keywords


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest, so one bad value in a
    shared link does not throw away the person's other choices."""

    def clean(self, value: Any) -> list[str]:
        values = self.to_python(value)
        return list(dict.fromkeys(item for item in values if self.valid_value(item)))


class KeywordsField(forms.CharField):
    """A search box that never refuses what it is given: control characters
    are dropped and the text cut to length (see ``clean_keywords``)."""

    def to_python(self, value: Any) -> str:
        return clean_keywords(value) if value not in self.empty_values else ""


class FilterForm(forms.Form):
    """A listing's filters. Read them through :attr:`valid_data`."""

    @property
    def valid_data(self) -> dict[str, Any]:
        """What could be read, ignoring fields with bad values."""
        self.is_valid()
        # Point each refused field at its message, so screen readers announce it.
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                described = [f"{bound.auto_id}-error"]
                if self.fields[name].help_text:
                    described.append(f"{bound.auto_id}_helptext")
                self.fields[name].widget.attrs["aria-describedby"] = " ".join(described)
        return self.cleaned_data
