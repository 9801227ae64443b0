"""The small-number rule: nothing built from fewer than 5 people is shown."""

import pytest
from django.template import Context, Template

from privacy.small_numbers import WITHHELD, count_of_people, figure_from


@pytest.mark.parametrize(
    ("people", "shown"), [(0, 0), (1, WITHHELD), (4, WITHHELD), (5, 5), (12, 12)]
)
def test_a_count_of_people_is_shown_from_five_and_nought_is_shown(people, shown):
    assert count_of_people(people) == shown


def test_a_figure_needs_five_people_behind_it():
    assert figure_from(4, "Rung 6") is WITHHELD
    assert figure_from(5, "Rung 6") == "Rung 6"


def test_it_reads_plainly_in_a_template_and_a_csv_cell():
    assert str(WITHHELD) == "fewer than 5 people"
    template = Template(
        "{% load small_numbers %}"
        "{% for n in counts %}{% if n|withheld %}{{ n|capfirst }}{% else %}{{ n }}{% endif %};"
        "{% endfor %}"
    )
    counts = [count_of_people(n) for n in (3, 7)]
    assert template.render(Context({"counts": counts})) == "Fewer than 5 people;7;"


def test_a_view_may_set_its_own_minimum():
    assert str(figure_from(2, "Rung 6", minimum=3)) == "fewer than 3 people"
    assert figure_from(3, "Rung 6", minimum=3) == "Rung 6"
    assert str(count_of_people(2, minimum=3)) == "fewer than 3 people"
    assert count_of_people(3, minimum=3) == 3
    assert figure_from(4, "Rung 6") is WITHHELD
