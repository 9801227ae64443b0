"""The board's filter form: every filter a plain GET parameter, and a value it
cannot read ignored (the rest still apply), never an error (the shared rule in
``home.listing.filters``)."""

from decimal import Decimal, InvalidOperation

from django import forms

from home.listing import FilterForm, LenientMultipleChoiceField
from opportunities.choices import CLOSING_SOON_DAYS, Format

SORTS = [
    ("closing", "Closing soonest"),
    ("newest", "Newest"),
    ("pay", "Highest hourly pay"),
]
# Offered, and chosen when no other sort is, only with keywords to match.
BEST_MATCH = ("best", "Best match")


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


class OpportunityFilterForm(FilterForm):
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
    rung = forms.ChoiceField(
        label="How much say you get",
        required=False,
        help_text="Levels on our ladder of participation, from being asked to deciding together.",
    )
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
        if data is not None and str(data.get("q") or "").strip():
            self.fields["sort"].choices = [BEST_MATCH, *SORTS]
        self.fields["topic"].choices = [("", "Any topic")] + [(t.slug, t.name) for t in topics]
        self.fields["area"].choices = [("", "Anywhere")] + [(a.slug, a.name) for a in areas]
        self.fields["access"].choices = [(s.slug, s.name) for s in access_support]
        self.fields["rung"].choices = [("", "Any level")] + [
            (str(r.level), f"{r.name}, or more say") for r in rungs
        ]
