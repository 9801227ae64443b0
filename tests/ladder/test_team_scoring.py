"""The rules that combine several respondents into one team result."""

from hypothesis import given
from hypothesis import strategies as st

from ladder.scoring import RULE_ALL_ANSWERS, RungChoice, lower_median
from ladder.team_scoring import (
    COMMUNITY,
    STAFF,
    VOLUNTEER,
    RespondentScore,
    combine,
    rungs_apart,
)
from privacy.small_numbers import WITHHELD

LADDER = [RungChoice(rung_id=level, level=level, name=f"Rung {level}") for level in range(1, 9)]
THEMES = [("decisions", "Decisions"), ("money", "Money")]


def rung(level):
    return LADDER[level - 1]


def respondent(relation, decisions, money, answers=None):
    themes = {
        "decisions": rung(decisions) if decisions else None,
        "money": rung(money) if money else None,
    }
    if answers is None:
        answers = [level for level in (decisions, money) if level]
    return RespondentScore(relation, themes, tuple(rung(level) for level in answers))


def five(score):
    """A group of five who answered alike: the fewest whose views are shown."""
    return [score] * 5


def test_theme_rung_is_the_lower_median_of_respondents_theme_rungs():
    team = combine(
        [
            respondent(STAFF, 6, 2),
            respondent(COMMUNITY, 3, 2),
            respondent(VOLUNTEER, 4, 5),
            respondent(COMMUNITY, 2, 7),
        ],
        THEMES,
        LADDER,
    )
    decisions, money = team.themes
    assert decisions.rung == rung(3)  # 2, 3, 4, 6: the lower middle one
    assert (decisions.lowest, decisions.highest) == (rung(2), rung(6))
    assert money.rung == rung(2)  # 2, 2, 5, 7
    assert team.respondents == 4
    assert team.by_relation == {STAFF: 1, COMMUNITY: 2, VOLUNTEER: 1}


def test_teams_scored_under_rule_1_keep_pooling_every_answer():
    team = combine(
        [
            respondent(STAFF, 5, 5, answers=[5, 5, 5]),
            respondent(COMMUNITY, 1, 1, answers=[1]),
        ],
        THEMES,
        LADDER,
        rule=RULE_ALL_ANSWERS,
    )
    # Answers 5, 5, 5, 1: lower median of all four is 5, not a median of medians.
    assert team.overall == rung(5)
    assert (team.overall_lowest, team.overall_highest) == (rung(1), rung(5))


def test_not_applicable_respondents_are_left_out_of_a_theme():
    team = combine([respondent(STAFF, None, 4), respondent(COMMUNITY, 6, 4)], THEMES, LADDER)
    decisions = team.themes[0]
    assert decisions.rung == rung(6)
    assert decisions.counted == 1
    assert decisions.difference == ""  # staff have no rung there: nothing to compare


def test_a_theme_nobody_rated_has_no_rung_and_no_result_has_no_overall():
    team = combine([respondent(STAFF, None, None, answers=[])], THEMES, LADDER)
    assert team.overall is None
    assert all(theme.rung is None and theme.lowest is None for theme in team.themes)
    assert combine([], THEMES, LADDER).overall is None


def test_staff_and_community_two_rungs_apart_is_said_plainly():
    team = combine(
        [
            *[respondent(STAFF, 6, 3)] * 3,
            *[respondent(STAFF, 7, 3)] * 2,
            *five(respondent(COMMUNITY, 4, 4)),
            respondent(VOLUNTEER, 1, 8),
        ],
        THEMES,
        LADDER,
    )
    decisions, money = team.themes
    assert decisions.staff == rung(6) and decisions.community == rung(4)
    assert decisions.gap == 2
    assert decisions.difference == (
        "Decisions: staff put this at rung 6 (Rung 6) and community members at rung 4 "
        "(Rung 4), 2 rungs apart. Staff see it higher up the ladder."
    )
    assert money.gap == 1 and not money.views_differ  # one rung apart is not called out
    assert team.differences == [decisions]


def test_community_higher_is_said_the_other_way_round():
    team = combine(
        [*five(respondent(STAFF, 2, 2)), *five(respondent(COMMUNITY, 5, 2))], THEMES, LADDER
    )
    assert "Community members see it higher up the ladder." in team.themes[0].difference


def test_rungs_apart_counts_places_not_level_numbers():
    renumbered = [RungChoice(rung_id=n, level=n * 10, name=f"R{n}") for n in range(1, 5)]
    positions = {choice.rung_id: place for place, choice in enumerate(renumbered)}
    assert rungs_apart(renumbered[0], renumbered[2], positions) == 2
    team = combine(
        [
            *five(RespondentScore(STAFF, {"decisions": renumbered[3]}, (renumbered[3],))),
            *five(RespondentScore(COMMUNITY, {"decisions": renumbered[2]}, (renumbered[2],))),
        ],
        [("decisions", "Decisions")],
        renumbered,
    )
    assert team.themes[0].gap == 1
    assert not team.themes[0].views_differ


# The small-number rule ------------------------------------------------------


def test_a_group_of_four_is_withheld_and_five_is_shown():
    four_staff = combine(
        [*[respondent(STAFF, 7, 7)] * 4, *five(respondent(COMMUNITY, 2, 2))], THEMES, LADDER
    )
    decisions = four_staff.themes[0]
    assert decisions.staff is WITHHELD and str(decisions.staff) == "fewer than 5 people"
    assert decisions.community == rung(2)
    # Five rungs apart, but one side is withheld: nothing is compared or said.
    assert not decisions.compared and decisions.difference == "" and decisions.gap == 0
    assert not four_staff.compared and four_staff.differences == []
    # The whole team's result is still there for its lead contact.
    assert decisions.rung == rung(2) and decisions.counted == 9

    five_staff = combine(
        [*five(respondent(STAFF, 7, 7)), *five(respondent(COMMUNITY, 2, 2))], THEMES, LADDER
    )
    decisions = five_staff.themes[0]
    assert decisions.staff == rung(7) and decisions.community == rung(2)
    assert decisions.compared and decisions.gap == 5 and five_staff.compared


def test_the_rule_counts_the_people_behind_each_themes_figure():
    # Five staff answered, but one had no rung for Decisions: four are behind that figure.
    team = combine(
        [
            *[respondent(STAFF, 6, 6)] * 4,
            respondent(STAFF, None, 6),
            *five(respondent(COMMUNITY, 3, 3)),
        ],
        THEMES,
        LADDER,
    )
    decisions, money = team.themes
    assert decisions.staff is WITHHELD and money.staff == rung(6)
    assert team.differences == [money]


def test_a_group_nobody_is_in_has_no_figure_rather_than_a_withheld_one():
    team = combine(five(respondent(COMMUNITY, 3, 3)), THEMES, LADDER)
    assert team.themes[0].staff is None and team.themes[0].community == rung(3)


# Property tests ------------------------------------------------------------

levels = st.integers(min_value=1, max_value=8)
relations = st.sampled_from([STAFF, VOLUNTEER, COMMUNITY])


@st.composite
def respondents(draw):
    answers = draw(st.lists(levels, min_size=1, max_size=12))
    decisions = draw(st.one_of(st.none(), levels))
    return RespondentScore(
        draw(relations),
        {"decisions": rung(decisions) if decisions else None},
        tuple(rung(level) for level in answers),
    )


@given(st.lists(respondents(), min_size=1, max_size=30))
def test_under_rule_1_the_combined_overall_lies_within_the_respondents_range(team_members):
    team = combine(team_members, [("decisions", "Decisions")], LADDER, rule=RULE_ALL_ANSWERS)
    own = [lower_median(member.answers).level for member in team_members]
    assert min(own) <= team.overall.level <= max(own)
    assert team.overall_lowest.level == min(own)
    assert team.overall_highest.level == max(own)


@given(st.lists(respondents(), min_size=1, max_size=30))
def test_combined_theme_rung_lies_within_its_spread(team_members):
    theme = combine(team_members, [("decisions", "Decisions")], LADDER).themes[0]
    rated = [m.themes["decisions"].level for m in team_members if m.themes["decisions"]]
    if not rated:
        assert theme.rung is None
        return
    assert theme.lowest.level == min(rated) and theme.highest.level == max(rated)
    assert theme.lowest.level <= theme.rung.level <= theme.highest.level
    assert theme.views_differ == (
        theme.staff is not None and theme.community is not None and theme.gap >= 2
    )


@given(st.lists(respondents(), min_size=1, max_size=30))
def test_a_group_figure_is_withheld_exactly_when_one_to_four_people_are_behind_it(team_members):
    team = combine(team_members, [("decisions", "Decisions")], LADDER)
    theme = team.themes[0]
    for relation, figure in ((STAFF, theme.staff), (COMMUNITY, theme.community)):
        behind = sum(1 for m in team_members if m.relation == relation and m.themes["decisions"])
        assert (figure is WITHHELD) == (1 <= behind <= 4)
        assert (figure is None) == (behind == 0)
    assert bool(theme.difference) <= theme.compared
