"""The directory's drop-down filters: the built-in ones and those other apps
add through the ``partner_directory_filters`` hook (see the package's
docstring)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from wagtail import hooks

from home.listing import FilterForm, KeywordsField
from home.models import Area, Sector
from partners.choices import PartnerKind


@dataclass(frozen=True)
class DirectoryFilter:
    """One drop-down on the directory and how it narrows the partners."""

    name: str
    label: str
    choices: Callable[[], list[tuple[str, str]]]
    narrow: Callable[..., object]
    any_label: str = "Any"
    hint: str = ""


@dataclass
class ActiveFilter:
    """A filter as shown in the form: its choices and the value picked (if valid)."""

    definition: DirectoryFilter
    choices: list[tuple[str, str]]
    value: str = ""
    value_label: str = ""
    options: list[dict] = field(default_factory=list)

    @classmethod
    def showing(cls, definition, choices, value):
        """The filter with ``value`` picked (already checked against ``choices``)."""
        labels = dict(choices)
        active = cls(definition, choices, value=value, value_label=labels.get(value, ""))
        active.options = [
            {"value": v, "label": label, "selected": v == value} for v, label in choices
        ]
        return active

    @property
    def name(self):
        return self.definition.name

    @property
    def label(self):
        return self.definition.label


class DirectoryFilterForm(FilterForm):
    """Reads the keywords and each filter's value from the query string: a value
    that is not one of the filter's choices (a stale or hand-edited URL) is
    dropped, and the directory shows every partner for that filter."""

    q = KeywordsField(required=False)

    def __init__(self, data, filters_with_choices):
        super().__init__(data)
        for definition, choices in filters_with_choices:
            self.fields[definition.name] = forms.ChoiceField(
                label=definition.label, required=False, choices=choices
            )


def built_in_filters():
    return [
        DirectoryFilter(
            name="kind",
            label="Kind of organisation",
            choices=lambda: list(PartnerKind.choices),
            narrow=lambda partners, value: partners.filter(kind=value),
        ),
        DirectoryFilter(
            name="sector",
            label="Sector",
            choices=lambda: list(Sector.objects.values_list("slug", "name")),
            narrow=lambda partners, value: partners.filter(sector__slug=value),
        ),
        DirectoryFilter(
            name="area",
            label="Area",
            choices=lambda: list(Area.objects.values_list("slug", "name")),
            narrow=lambda partners, value: partners.filter(areas__slug=value),
            hint="Where they work.",
        ),
    ]


def hooked_filters():
    found = []
    for hook in hooks.get_hooks("partner_directory_filters"):
        result = hook()
        if result is None:
            continue
        if isinstance(result, DirectoryFilter):
            found.append(result)
        else:
            found.extend(result)
    return found
