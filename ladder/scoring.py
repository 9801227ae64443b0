"""How a self-assessment's answers become rungs.

The rule (rule 2, from December 2026), also stated on every result page:

- Answers of "not applicable or don't know" are left out.
- A theme's rung is the median of the rung levels of its answers. When the
  number of answers is even, it is the lower of the two middle ones, so the
  result is always a rung someone actually chose and never flatters.
- The themes' figure is the median of the theme rungs, each theme counting
  once, by the same rule. A theme with no answers has no rung and is left out.
- Rung requirements then cap it: "to be above rung N, theme T must be at
  least rung M". Ladder managers set them on the questionnaire, and each
  published version freezes its own. While any requirement is not met (a
  theme with no rung does not meet one), the overall rung is at most that
  requirement's rung N; the lowest such N wins. Those requirements, and only
  those, are named as the reason.

Rule 1 (before December 2026) took the overall rung as the median over all
answered questions, so a theme with many questions weighed more. Results
scored under it keep it: nothing is ever re-scored.

Every step is monotone: raising any answer never lowers a theme rung, the
themes' figure, or the overall rung (a higher theme meets more requirements).

Levels are compared, not ids, so renumbering the ladder (levels 10, 20, 30…)
changes nothing; the rung returned is one that was chosen or required.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

RULE_ALL_ANSWERS: Final = 1
RULE_THEMES_WITH_REQUIREMENTS: Final = 2
CURRENT_RULE: Final = RULE_THEMES_WITH_REQUIREMENTS


@dataclass(frozen=True)
class RungChoice:
    """The rung an answer maps to, as it stood when the answer was scored."""

    rung_id: int
    level: int
    name: str


@dataclass(frozen=True)
class Requirement:
    """To be above ``above``, the theme ``theme_key`` must be at least ``at_least``.

    ``plain_words`` finishes the sentence "to be above rung N, …", for
    example "people must be paid for their time".
    """

    theme_key: str
    theme_name: str
    above: RungChoice
    at_least: RungChoice
    plain_words: str = ""

    def is_met_by(self, theme_rung: RungChoice | None) -> bool:
        return theme_rung is not None and theme_rung.level >= self.at_least.level


@dataclass(frozen=True)
class Cap:
    """A requirement that held the overall rung down, with the theme's rung."""

    requirement: Requirement
    theme_rung: RungChoice | None


@dataclass(frozen=True)
class Overall:
    """The overall rung, the themes' own figure, and what capped it if anything."""

    rung: RungChoice | None
    uncapped: RungChoice | None
    caps: tuple[Cap, ...] = ()
    rule: int = CURRENT_RULE

    @property
    def is_capped(self) -> bool:
        return bool(self.caps)


@dataclass
class ThemeScore:
    key: str
    name: str
    rung: RungChoice | None
    answered: int
    not_applicable: int
    # Positions (0-based, among the theme's answers) of the answers at the
    # theme's rung: the answers that set it.
    setting: tuple[int, ...] = ()


@dataclass
class Score:
    overall: RungChoice | None
    themes: list[ThemeScore] = field(default_factory=list)
    uncapped: RungChoice | None = None
    caps: tuple[Cap, ...] = ()
    rule: int = CURRENT_RULE


def lower_median(choices: Iterable[RungChoice | None]) -> RungChoice | None:
    """The median rung of ``choices`` by level; the lower middle one when even.

    Returns None for no choices. ``None`` entries (not applicable) are ignored.
    """
    ranked = sorted((choice for choice in choices if choice is not None), key=lambda c: c.level)
    if not ranked:
        return None
    return ranked[(len(ranked) - 1) // 2]


def capped_overall(
    theme_rungs: Mapping[str, RungChoice | None], requirements: Iterable[Requirement] = ()
) -> Overall:
    """Rule 2: the median of the theme rungs, capped by the requirements not met.

    ``theme_rungs`` maps each theme's key to its rung (None: no rung). A
    requirement on a theme missing from ``theme_rungs`` is not checked.
    """
    uncapped = lower_median(theme_rungs.values())
    if uncapped is None:
        return Overall(rung=None, uncapped=None)
    unmet = [
        requirement
        for requirement in requirements
        if requirement.theme_key in theme_rungs
        and not requirement.is_met_by(theme_rungs[requirement.theme_key])
        and requirement.above.level < uncapped.level
    ]
    if not unmet:
        return Overall(rung=uncapped, uncapped=uncapped)
    lowest = min(requirement.above.level for requirement in unmet)
    caps = tuple(
        Cap(requirement, theme_rungs[requirement.theme_key])
        for requirement in unmet
        if requirement.above.level == lowest
    )
    return Overall(rung=caps[0].requirement.above, uncapped=uncapped, caps=caps)


def setting_answers(
    choices: Sequence[RungChoice | None], rung: RungChoice | None
) -> tuple[int, ...]:
    """Positions of the answers at ``rung``'s level: the ones that put a theme there."""
    if rung is None:
        return ()
    return tuple(
        number
        for number, choice in enumerate(choices)
        if choice is not None and choice.level == rung.level
    )


def score(
    themes: Iterable[tuple[str, str, Sequence[RungChoice | None]]],
    requirements: Iterable[Requirement] = (),
    rule: int = CURRENT_RULE,
) -> Score:
    """Score themes given as ``(key, name, [RungChoice or None per answer])``.

    ``None`` stands for a "not applicable or don't know" answer. Under
    ``RULE_ALL_ANSWERS`` the requirements are ignored, as they were then.
    """
    theme_scores: list[ThemeScore] = []
    everything: list[RungChoice] = []
    for key, name, choices in themes:
        answered = [choice for choice in choices if choice is not None]
        everything.extend(answered)
        rung = lower_median(answered)
        theme_scores.append(
            ThemeScore(
                key=key,
                name=name,
                rung=rung,
                answered=len(answered),
                not_applicable=len(choices) - len(answered),
                setting=setting_answers(choices, rung),
            )
        )
    if rule == RULE_ALL_ANSWERS:
        median = lower_median(everything)
        return Score(overall=median, themes=theme_scores, uncapped=median, rule=rule)
    overall = capped_overall({theme.key: theme.rung for theme in theme_scores}, requirements)
    return Score(
        overall=overall.rung,
        themes=theme_scores,
        uncapped=overall.uncapped,
        caps=overall.caps,
        rule=rule,
    )


def describe_cap(cap: Cap) -> str:
    """'people must be paid for their time (your Paying people theme is at rung 2)'."""
    requirement = cap.requirement
    words = requirement.plain_words.strip().rstrip(".") or (
        f"{requirement.theme_name} must be at least rung {requirement.at_least.level}"
    )
    if cap.theme_rung is None:
        where = f"your {requirement.theme_name} theme has no rung"
    else:
        where = f"your {requirement.theme_name} theme is at rung {cap.theme_rung.level}"
    return f"{words} ({where})"


def explain(rung: RungChoice | None, uncapped: RungChoice | None, caps: Sequence[Cap]) -> str:
    """Both figures in plain words, or "" when the requirements did not cap the result.

    "Your themes put you at rung 4. You are shown at rung 2 because, to be
    above rung 2, people must be paid for their time (your Paying people
    theme is at rung 2)."
    """
    if not caps or rung is None or uncapped is None:
        return ""
    reasons = [describe_cap(cap) for cap in caps]
    joined = reasons[0] if len(reasons) == 1 else ", ".join(reasons[:-1]) + " and " + reasons[-1]
    return (
        f"Your themes put you at rung {uncapped.level}. You are shown at rung {rung.level} "
        f"because, to be above rung {rung.level}, {joined}."
    )
