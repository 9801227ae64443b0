"""The board's filter form: every filter a plain GET parameter, and a value it
cannot read ignored (the rest still apply), never an error."""

import re
from decimal import Decimal, InvalidOperation

from django import forms

from opportunities.choices import CLOSING_SOON_DAYS, Format

SORTS = [
    ("closing", "Closing soonest"),
    ("newest", "Newest"),
    ("pay", "Highest hourly pay"),
]


def search_words(text, limit=12):
    """The words of a search, without the quotes and operators that search
    engines read as syntax (a stray quote would otherwise be an error)."""
    return " ".join(re.findall(r"\w+", text or "")[:limit])


class LenientMultipleChoiceField(forms.MultipleChoiceField):
    """Keeps the values it knows and drops the rest, so one bad value in a
    shared link does not throw away the person's other choices."""

    def clean(self, value):
        value = self.to_python(value)
        known = {str(key) for key, _ in self.choices}
        return list(dict.fromkeys(item for item in value if item in known))


class PoundsField(forms.CharField):
    """An amount of money per hour, typed as 13.45 or £13.45; pence out."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            pounds = Decimal(value.strip().lstrip("£").replace(",", ""))
        except InvalidOperation as error:
            raise forms.ValidationError("Enter an amount in pounds, like 13.45.") from error
        if not pounds.is_finite() or pounds < 0 or pounds > 1000:
            raise forms.ValidationError("Enter an amount between £0 and £1,000.")
        return int(pounds * 100)


class OpportunityFilterForm(forms.Form):
    q = forms.CharField(
        label="Search", required=False, max_length=200, strip=True,
        widget=forms.TextInput(attrs={"type": "search"}),
    )  # fmt: skip
    topic = forms.ChoiceField(label="Topic", required=False)
    format = forms.ChoiceField(
        label="How you take part",
        required=False,
        choices=[("", "Any way"), *Format.choices],
    )
    area = forms.ChoiceField(
        label="Area",
        required=False,
        help_text="Online and phone opportunities show under every area.",
    )
    access = LenientMultipleChoiceField(
        label="Access support offered",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Shows opportunities that offer all the support you tick.",
    )
    min_pay = PoundsField(
        label="Hourly pay at least (£)",
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=(
            "Opportunities whose hours are not known are left out, because we cannot "
            "work out their hourly pay."
        ),
    )
    rung = forms.ChoiceField(label="How much say you get", required=False)
    closing_soon = forms.BooleanField(
        label=f"Closing in the next {CLOSING_SOON_DAYS} days", required=False
    )
    show_closed = forms.BooleanField(label="Show closed opportunities too", required=False)
    what_changed = forms.BooleanField(
        label="Only closed ones that say what changed", required=False
    )
    sort = forms.ChoiceField(label="Sort by", required=False, choices=SORTS)
    # Set by links from a partner's profile and directory card, not shown in the form.
    partner = forms.SlugField(required=False, widget=forms.HiddenInput)

    def __init__(self, data, topics, areas, access_support, rungs):
        super().__init__(data)
        self.fields["topic"].choices = [("", "Any topic")] + [(t.slug, t.name) for t in topics]
        self.fields["area"].choices = [("", "Anywhere")] + [(a.slug, a.name) for a in areas]
        self.fields["access"].choices = [(s.slug, s.name) for s in access_support]
        self.fields["rung"].choices = [("", "Any level")] + [
            (str(r.level), f"At least: {r.name}") for r in rungs
        ]

    @property
    def valid_data(self):
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
