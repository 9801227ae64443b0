"""The listing base's filter form (home.listing.filters): a value it cannot
read drops that filter only, and the field points at its message."""

from django import forms
from django.http import QueryDict

from home.listing import FilterForm, KeywordsField, LenientMultipleChoiceField


class ThingFilters(FilterForm):
    q = KeywordsField(required=False)
    colour = forms.ChoiceField(
        required=False, choices=[("red", "Red"), ("blue", "Blue")], help_text="Pick one."
    )
    size = forms.ChoiceField(required=False, choices=[("s", "Small"), ("l", "Large")])
    support = LenientMultipleChoiceField(required=False, choices=[("bsl", "BSL"), ("ramp", "Ramp")])
    amount = forms.IntegerField(required=False)


def test_a_bad_value_drops_only_its_own_filter():
    form = ThingFilters(QueryDict("colour=green&size=l&amount=lots&q=damp"))
    data = form.valid_data
    assert data["size"] == "l"
    assert data["q"] == "damp"
    assert "colour" not in data
    assert "amount" not in data
    assert form.errors["colour"]


def test_a_refused_field_points_at_its_message_and_its_hint():
    form = ThingFilters(QueryDict("colour=green&amount=lots"))
    assert "colour" not in form.valid_data
    assert form.fields["colour"].widget.attrs["aria-describedby"] == (
        "id_colour-error id_colour_helptext"
    )
    assert form.fields["amount"].widget.attrs["aria-describedby"] == "id_amount-error"
    assert "aria-describedby" not in form.fields["size"].widget.attrs


def test_known_choices_are_kept_and_unknown_ones_dropped():
    form = ThingFilters(QueryDict("support=nope&support=ramp&support=bsl&support=ramp"))
    assert form.valid_data["support"] == ["ramp", "bsl"]
    assert "support" not in form.errors


def test_the_keywords_field_never_refuses_what_it_is_given():
    form = ThingFilters(QueryDict("q=da%00mp%20%20and" + "x" * 300))
    assert form.valid_data["q"] == ("damp and" + "x" * 300)[:200]
    assert "q" not in form.errors
    assert ThingFilters(QueryDict("")).valid_data["q"] == ""
