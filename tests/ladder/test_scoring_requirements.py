"""Rule 2: the median of the themes, capped by the questionnaire's rung requirements."""

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ladder.scoring import Requirement, RungChoice, capped_overall, explain, lower_median, score
from ladder.team_scoring import RespondentScore, combine
from privacy.small_numbers import is_withheld

RUNGS = {
    level: RungChoice(rung_id=100 + level, level=level, name=f"Rung {level}")
    for level in range(1, 9)
}
THEME_NAMES = ["Who takes part", "Decisions", "Paying people", "Feedback", "Learning"]
PAYING = Requirement(
    theme_key="t2",
    theme_name="Paying people",
    above=RUNGS[2],
    at_least=RUNGS[3],
    plain_words="people must be paid for their time",
)


def themes_at(*levels):
    """One answer per theme, so each theme sits at the level given (None: N/A)."""
    return [
        (f"t{number}", THEME_NAMES[number % len(THEME_NAMES)], [RUNGS[level] if level else None])
        for number, level in enumerate(levels)
    ]


def test_the_worked_example_is_capped_at_rung_2_and_says_why():
    result = score(themes_at(1, 5, 2, 4, 6), [PAYING])
    assert result.uncapped == RUNGS[4]
    assert result.overall == RUNGS[2]
    assert explain(result.overall, result.uncapped, result.caps) == (
        "Your themes put you at rung 4. You are shown at rung 2 because, to be above rung 2, "
        "people must be paid for their time (your Paying people theme is at rung 2)."
    )


def test_the_worked_example_without_requirements_is_the_median_of_the_themes():
    result = score(themes_at(1, 5, 2, 4, 6))
    assert result.overall == result.uncapped == RUNGS[4]
    assert result.caps == ()
    assert explain(result.overall, result.uncapped, result.caps) == ""


def test_each_theme_counts_once_whatever_its_number_of_questions():
    themes = [("a", "One", [RUNGS[1]]), ("b", "Two", [RUNGS[8]] * 4), ("c", "Three", [RUNGS[2]])]
    assert score(themes).overall == RUNGS[2]


def test_a_met_requirement_or_one_above_the_median_changes_nothing():
    assert score(themes_at(1, 5, 3, 4, 6), [PAYING]).overall == RUNGS[4]
    # Paying at rung 2 misses the requirement, but the median is rung 2 anyway.
    result = score(themes_at(1, 1, 2, 2, 6), [PAYING])
    assert result.overall == RUNGS[2] and result.caps == ()


def test_a_theme_with_no_rung_does_not_meet_a_requirement():
    result = score(themes_at(5, 5, None, 4, 6), [PAYING])
    assert result.overall == RUNGS[2]
    assert "your Paying people theme has no rung" in explain(
        result.overall, result.uncapped, result.caps
    )


def test_the_lowest_unmet_requirement_caps_and_only_it_is_named():
    decisions = Requirement("t1", "Decisions", RUNGS[4], RUNGS[6], "decisions must be shared")
    learning = Requirement("t4", "Learning", RUNGS[3], RUNGS[7], "you must learn in the open")
    result = score(themes_at(6, 5, 6, 6, 6), [decisions, learning, PAYING])
    assert result.overall == RUNGS[3]
    sentence = explain(result.overall, result.uncapped, result.caps)
    assert "to be above rung 3, you must learn in the open (your Learning theme is at rung 6)" in (
        sentence
    )
    assert "decisions must be shared" not in sentence
    assert "paid" not in sentence


def test_two_requirements_at_the_same_rung_are_both_named():
    other = Requirement("t0", "Who takes part", RUNGS[2], RUNGS[4], "anyone can join")
    result = score(themes_at(3, 5, 2, 4, 6), [PAYING, other])
    assert result.overall == RUNGS[2]
    assert explain(result.overall, result.uncapped, result.caps).endswith(
        "people must be paid for their time (your Paying people theme is at rung 2) and "
        "anyone can join (your Who takes part theme is at rung 3)."
    )


# Exhaustive and property checks.

REQUIREMENTS = [
    PAYING,
    Requirement("t0", "Who takes part", RUNGS[3], RUNGS[4], "anyone can join"),
    Requirement("t1", "Decisions", RUNGS[1], RUNGS[2], "decisions are shared"),
]


def overall_of(answers, requirements):
    """``answers``: per theme, a tuple of levels (None: N/A)."""
    themes = [
        (f"t{n}", f"Theme {n}", [RUNGS[level] if level else None for level in levels])
        for n, levels in enumerate(answers)
    ]
    return score(themes, requirements)


def raised(answers, top=4):
    """Every way of raising one answer by one or more levels (never from N/A)."""
    for theme, levels in enumerate(answers):
        for position, level in enumerate(levels):
            if level is None:
                continue
            for higher in range(level + 1, top + 1):
                new = list(levels)
                new[position] = higher
                yield [*answers[:theme], tuple(new), *answers[theme + 1 :]]


def test_raising_any_answer_never_lowers_a_theme_or_the_overall_rung_exhaustively():
    """Every questionnaire of three themes (two, two and one questions) over four rungs
    and N/A, under requirements that each bite somewhere."""
    two = list(itertools.product([None, 1, 2, 3, 4], repeat=2))
    one = [(level,) for level in [None, 1, 2, 3, 4]]
    checked = 0
    for answers in itertools.product(two, two, one):
        before = overall_of(answers, REQUIREMENTS)
        for after_answers in raised(list(answers)):
            after = overall_of(after_answers, REQUIREMENTS)
            for old, new in zip(before.themes, after.themes, strict=True):
                assert (old.rung is None) == (new.rung is None)
                assert old.rung is None or new.rung.level >= old.rung.level
            if before.overall is not None:
                assert after.overall.level >= before.overall.level
            checked += 1
    assert checked > 5_000


levels = st.one_of(st.none(), st.integers(min_value=1, max_value=8))
questionnaires = st.lists(st.lists(levels, min_size=1, max_size=3), min_size=1, max_size=5)


@st.composite
def requirement_lists(draw, themes=5):
    found = []
    for number in range(draw(st.integers(min_value=0, max_value=4))):
        theme = draw(st.integers(min_value=0, max_value=themes - 1))
        above = draw(st.integers(min_value=1, max_value=7))
        at_least = draw(st.integers(min_value=1, max_value=8))
        found.append(
            Requirement(
                f"t{theme}",
                f"Theme {theme}",
                RUNGS[above],
                RUNGS[at_least],
                f"rule number {number}",
            )
        )
    return found


@settings(max_examples=150, deadline=None)
@given(questionnaires, requirement_lists(), st.data())
def test_raising_an_answer_never_lowers_the_overall_rung(answers, requirements, data):
    choices = list(raised(answers, top=8))
    if not choices:
        return
    before = overall_of(answers, requirements)
    after = overall_of(data.draw(st.sampled_from(choices)), requirements)
    if before.overall is not None:
        assert after.overall.level >= before.overall.level


@settings(max_examples=150, deadline=None)
@given(questionnaires, requirement_lists())
def test_the_cap_and_its_explanation_name_exactly_the_lowest_unmet_requirement(
    answers, requirements
):
    result = overall_of(answers, requirements)
    plain = lower_median(theme.rung for theme in result.themes)
    # Without requirements: the plain median of the theme rungs.
    assert overall_of(answers, []).overall == plain == result.uncapped
    theme_rungs = {theme.key: theme.rung for theme in result.themes}
    unmet = [
        r
        for r in requirements
        if r.theme_key in theme_rungs
        and (theme_rungs[r.theme_key] is None or theme_rungs[r.theme_key].level < r.at_least.level)
        and plain is not None
        and r.above.level < plain.level
    ]
    if not unmet:
        assert result.overall == plain and result.caps == ()
        assert explain(result.overall, result.uncapped, result.caps) == ""
        return
    lowest = min(r.above.level for r in unmet)
    assert result.overall.level == lowest < plain.level
    assert {cap.requirement for cap in result.caps} == {r for r in unmet if r.above.level == lowest}
    sentence = explain(result.overall, result.uncapped, result.caps)
    assert sentence.startswith(f"Your themes put you at rung {plain.level}. ")
    for requirement in requirements:
        named = f"{requirement.plain_words} (your {requirement.theme_name} theme" in sentence
        assert named == (requirement in {cap.requirement for cap in result.caps})


theme_levels = st.fixed_dictionaries({f"t{n}": levels for n in range(5)})


@settings(max_examples=100, deadline=None)
@given(st.lists(theme_levels, min_size=1, max_size=8), requirement_lists())
def test_team_results_obey_the_same_rule(people, requirements):
    respondents = [
        RespondentScore("staff", {key: RUNGS[level] if level else None for key, level in p.items()})
        for p in people
    ]
    keys = [(f"t{n}", f"Theme {n}") for n in range(5)]
    team = combine(respondents, keys, list(RUNGS.values()), requirements)
    expected = capped_overall({theme.key: theme.rung for theme in team.themes}, requirements)
    assert (team.overall, team.uncapped, team.caps) == (
        expected.rung,
        expected.uncapped,
        expected.caps,
    )
    assert team.explanation == explain(expected.rung, expected.uncapped, expected.caps)
    # One respondent: the team reads exactly like their own result.
    alone = combine(respondents[:1], keys, list(RUNGS.values()), requirements)
    own = capped_overall(respondents[0].themes, requirements)
    assert (alone.overall, alone.caps) == (own.rung, own.caps)
    # Without requirements: the plain median of the team's theme rungs.
    plain = combine(respondents, keys, list(RUNGS.values()))
    assert plain.overall == lower_median(theme.rung for theme in team.themes)


@settings(max_examples=100, deadline=None)
@given(st.lists(theme_levels, min_size=1, max_size=6), requirement_lists(), st.data())
def test_raising_one_persons_theme_never_lowers_the_team_rung(people, requirements, data):
    keys = [(f"t{n}", f"Theme {n}") for n in range(5)]

    def team_of(rows):
        respondents = [
            RespondentScore("staff", {k: RUNGS[v] if v else None for k, v in row.items()})
            for row in rows
        ]
        return combine(respondents, keys, list(RUNGS.values()), requirements)

    person = data.draw(st.integers(min_value=0, max_value=len(people) - 1))
    key = data.draw(st.sampled_from([k for k, _ in keys]))
    if people[person][key] is None or people[person][key] == 8:
        return
    higher = [dict(row) for row in people]
    higher[person][key] = data.draw(st.integers(min_value=people[person][key] + 1, max_value=8))
    before, after = team_of(people), team_of(higher)
    if before.overall is not None:
        assert after.overall.level >= before.overall.level


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(["staff", "community", "volunteer"]), levels),
        min_size=0,
        max_size=8,
    )
)
def test_team_reasons_come_only_from_people_at_the_team_rung_and_need_three(people):
    respondents = [
        RespondentScore(
            relation,
            {"t0": RUNGS[level] if level else None},
            reasons={"t0": ((f"question {level}", f"answer at {level}"),)} if level else {},
        )
        for relation, level in people
    ]
    theme = combine(respondents, [("t0", "Theme")], list(RUNGS.values()), group_minimum=3).themes[0]
    rated = [level for _, level in people if level]
    if len(rated) < 3:
        assert is_withheld(theme.reasons) == bool(rated)
        assert str(theme.reasons) in ("fewer than 3 people", "()")
        return
    assert theme.reasons == ((f"question {theme.rung.level}", f"answer at {theme.rung.level}"),)
    for relation in ("staff", "community"):
        group = [level for r, level in people if r == relation and level]
        figure = theme.staff if relation == "staff" else theme.community
        assert is_withheld(figure) == (1 <= len(group) <= 2)
