"""The scoring rule: medians of rung levels, lower middle when even, N/A left out."""

import itertools
import random

from ladder.scoring import RULE_ALL_ANSWERS, RungChoice, lower_median, score

RUNGS = {
    level: RungChoice(rung_id=100 + level, level=level, name=f"Rung {level}")
    for level in range(1, 9)
}


def rungs(*levels):
    return [None if level is None else RUNGS[level] for level in levels]


def test_median_of_an_odd_count_is_the_middle_one():
    assert lower_median(rungs(1, 5, 3)) == RUNGS[3]


def test_median_of_an_even_count_is_the_lower_middle_one():
    assert lower_median(rungs(2, 6)) == RUNGS[2]
    assert lower_median(rungs(1, 4, 7, 8)) == RUNGS[4]


def test_not_applicable_answers_are_left_out():
    # Counting N/A as anything would change the middle of (2, 7, 8).
    assert lower_median(rungs(None, 2, None, 7, 8)) == RUNGS[7]


def test_a_theme_with_no_answers_has_no_rung():
    result = score([("a", "Decisions", rungs(None, None)), ("b", "Money", rungs(4))])
    assert result.themes[0].rung is None
    assert result.themes[0].answered == 0
    assert result.themes[0].not_applicable == 2
    assert result.themes[1].rung == RUNGS[4]
    assert result.overall == RUNGS[4]


def test_no_answers_at_all_gives_no_overall_rung():
    assert score([("a", "Decisions", rungs(None))]).overall is None
    assert score([]).overall is None


def test_rule_1_took_the_median_over_all_answers_not_of_theme_rungs():
    # Theme rungs are 1 and 8 (median of those: 1), but over all five answers
    # (1, 8, 8, 8, 8) the median is 8: a theme with more questions weighed more.
    themes = [("a", "One", rungs(1)), ("b", "Two", rungs(8, 8, 8, 8))]
    result = score(themes, rule=RULE_ALL_ANSWERS)
    assert [theme.rung for theme in result.themes] == [RUNGS[1], RUNGS[8]]
    assert result.overall == RUNGS[8]
    # Rule 2 counts each theme once.
    assert score(themes).overall == RUNGS[1]


def test_themes_keep_their_order_keys_and_names():
    result = score([("k2", "Second", rungs(3)), ("k1", "First", rungs(5))])
    assert [(t.key, t.name) for t in result.themes] == [("k2", "Second"), ("k1", "First")]


def test_renumbered_rungs_score_by_level_and_return_the_chosen_rung():
    low = RungChoice(rung_id=7, level=10, name="Told")
    middle = RungChoice(rung_id=3, level=20, name="Asked")
    high = RungChoice(rung_id=1, level=30, name="Decide together")
    # Ids run the other way from levels: only levels may decide.
    result = score([("a", "Decisions", [high, low, middle, None])])
    assert result.themes[0].rung == middle
    assert score([("a", "A", [high, low])]).overall == low


def test_ties_give_a_rung_at_that_level():
    assert lower_median(rungs(3, 3, 3, 6)) == RUNGS[3]


def test_every_small_set_of_answers_lies_between_its_lowest_and_highest_rung():
    """Property, checked exhaustively: every multiset of up to 6 answers over 5 rungs
    (plus N/A), and the median is an answered rung within the range."""
    levels = [None, 1, 2, 3, 4, 5]
    for size in range(1, 7):
        for combo in itertools.combinations_with_replacement(levels, size):
            choices = rungs(*combo)
            answered = [c.level for c in choices if c is not None]
            median = lower_median(choices)
            if not answered:
                assert median is None
                continue
            assert min(answered) <= median.level <= max(answered)
            assert median in choices
            # At least half the answers are at or above it, and more than half at or below.
            assert sum(level >= median.level for level in answered) * 2 >= len(answered)
            assert sum(level <= median.level for level in answered) * 2 >= len(answered)


def test_random_questionnaires_keep_theme_and_overall_rungs_within_range():
    generator = random.Random(20261127)
    for _ in range(2000):
        themes = []
        for number in range(generator.randint(1, 6)):
            answers = [
                generator.choice([None, *range(1, 9)]) for _ in range(generator.randint(1, 5))
            ]
            themes.append((f"t{number}", f"Theme {number}", rungs(*answers)))
        result = score(themes)
        everything = [c.level for _, _, choices in themes for c in choices if c is not None]
        for theme, (_, _, choices) in zip(result.themes, themes, strict=True):
            levels = [c.level for c in choices if c is not None]
            if levels:
                assert min(levels) <= theme.rung.level <= max(levels)
            else:
                assert theme.rung is None
        if everything:
            assert min(everything) <= result.overall.level <= max(everything)
        else:
            assert result.overall is None
