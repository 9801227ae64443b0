"""How a self-assessment's answers become rungs.

The rule, also stated on every result page:

- Answers of "not applicable or don't know" are left out.
- A theme's rung is the median of the rung levels of its answers. When the
  number of answers is even, it is the lower of the two middle ones, so the
  result is always a rung someone actually chose and never flatters.
- The overall rung is the median over all answered questions, by the same
  rule (not a median of the theme rungs, so a theme with many questions
  weighs more than a theme with one).
- A theme with no answers has no rung.

Levels are compared, not ids, so renumbering the ladder (levels 10, 20, 30…)
changes nothing; the rung returned is the one that was chosen.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class RungChoice:
    """The rung an answer maps to, as it stood when the answer was scored."""

    rung_id: int
    level: int
    name: str


@dataclass
class ThemeScore:
    key: str
    name: str
    rung: RungChoice | None
    answered: int
    not_applicable: int


@dataclass
class Score:
    overall: RungChoice | None
    themes: list[ThemeScore] = field(default_factory=list)


def lower_median(choices: Iterable[RungChoice | None]) -> RungChoice | None:
    """The median rung of ``choices`` by level; the lower middle one when even.

    Returns None for no choices. ``None`` entries (not applicable) are ignored.
    """
    ranked = sorted((choice for choice in choices if choice is not None), key=lambda c: c.level)
    if not ranked:
        return None
    return ranked[(len(ranked) - 1) // 2]


def score(themes: Iterable[tuple[str, str, Sequence[RungChoice | None]]]) -> Score:
    """Score themes given as ``(key, name, [RungChoice or None per answer])``.

    ``None`` stands for a "not applicable or don't know" answer.
    """
    theme_scores: list[ThemeScore] = []
    everything: list[RungChoice] = []
    for key, name, choices in themes:
        answered = [choice for choice in choices if choice is not None]
        everything.extend(answered)
        theme_scores.append(
            ThemeScore(
                key=key,
                name=name,
                rung=lower_median(answered),
                answered=len(answered),
                not_applicable=len(choices) - len(answered),
            )
        )
    return Score(overall=lower_median(everything), themes=theme_scores)
