"""How several people's answers to one invitation become a team result.

The rule, also stated on the combined result page:

- Each respondent's own result is scored as usual (``ladder.scoring``).
- A theme's team rung is the median of the respondents' rungs for that
  theme, the lower middle one when the count is even; respondents with no
  rung for the theme (every answer "not applicable") are left out.
- The overall team rung follows the same rule as a single result (rule 2):
  the median of the team's theme rungs, each theme once, capped by the
  questionnaire version's rung requirements, checked against the team's
  theme rungs. Teams whose answers were all scored under rule 1 keep it:
  the median over every answered question of every respondent.
- The spread of a theme is its lowest and highest respondent rung.
- Where staff and community members (their medians) sit two rungs or more
  apart on a theme, the result says so plainly. Rungs are counted by their
  place on the ladder, not by level numbers, so a renumbered ladder
  (10, 20, 30…) counts the same.
- The small-number rule (``privacy.small_numbers``): a group's median for a
  theme is withheld when fewer than the group minimum of its members gave a
  rung for it (5, or 3 on the lead contact's page), so nobody can read off
  how one or two colleagues answered; views are only compared between
  groups that are both shown.
- A theme's reasons are the answers that set the rung of the people at the
  team's rung, each answer once and never whose; withheld while fewer than
  the group minimum gave the theme a rung.

Pure functions over ``RungChoice`` values: no database, easy to test.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ladder.scoring import (
    CURRENT_RULE,
    RULE_ALL_ANSWERS,
    Cap,
    Requirement,
    RungChoice,
    capped_overall,
    explain,
    lower_median,
)
from privacy.small_numbers import MINIMUM_PEOPLE, Withheld, figure_from

STAFF = "staff"
VOLUNTEER = "volunteer"
COMMUNITY = "community"
DIFFERENCE_THRESHOLD = 2  # rungs apart before we call it a difference
# One invitation's combined result (the lead contact's page and the team's
# view of it) shows a group's view from 3 people up; reports across the
# network keep the site-wide minimum of 5.
TEAM_RESULT_GROUP_MINIMUM = 3


@dataclass(frozen=True)
class RespondentScore:
    """One respondent's scored answers: their relation to the partner, their
    rung per theme (by theme key) and every answered question's rung."""

    relation: str
    themes: Mapping[str, RungChoice | None]
    answers: tuple[RungChoice | None, ...] = ()
    # Per theme key, the answers that set this person's rung for it, as
    # (question, answer) texts.
    reasons: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass
class ThemeSpread:
    key: str
    name: str
    rung: RungChoice | None
    lowest: RungChoice | None
    highest: RungChoice | None
    counted: int
    # A group's median: None when nobody in it gave a rung, Withheld when
    # fewer than the group minimum did (5 unless the view sets its own).
    staff: RungChoice | Withheld | None = None
    community: RungChoice | Withheld | None = None
    gap: int = 0
    # The answers that set the rung of the people at the theme's rung, never
    # saying whose: withheld while fewer than the group minimum gave a rung.
    reasons: tuple[tuple[str, str], ...] | Withheld = ()
    difference: str = ""

    @property
    def views_differ(self) -> bool:
        return bool(self.difference)

    @property
    def compared(self) -> bool:
        """Both groups' views are shown, so they can be set side by side."""
        return isinstance(self.staff, RungChoice) and isinstance(self.community, RungChoice)

    @property
    def spread_is_narrow(self) -> bool:
        return self.lowest == self.highest


@dataclass
class TeamScore:
    overall: RungChoice | None
    themes: list[ThemeSpread] = field(default_factory=list)
    respondents: int = 0
    by_relation: dict[str, int] = field(default_factory=dict)
    overall_lowest: RungChoice | None = None
    overall_highest: RungChoice | None = None
    uncapped: RungChoice | None = None
    caps: tuple[Cap, ...] = ()
    rule: int = CURRENT_RULE
    requirements: tuple[Requirement, ...] = ()

    @property
    def explanation(self) -> str:
        return explain(self.overall, self.uncapped, self.caps)

    @property
    def differences(self) -> list[ThemeSpread]:
        return [theme for theme in self.themes if theme.views_differ]

    @property
    def compared(self) -> bool:
        """Staff and community views are set side by side on at least one theme."""
        return any(theme.compared for theme in self.themes)


def rung_positions(ladder: Iterable[RungChoice]) -> dict[int, int]:
    """Place on the ladder (0 = bottom) for each rung id, from rungs lowest first."""
    ordered = sorted(ladder, key=lambda rung: (rung.level, rung.rung_id))
    return {rung.rung_id: number for number, rung in enumerate(ordered)}


def rungs_apart(first: RungChoice, second: RungChoice, positions: Mapping[int, int]) -> int:
    """How many rungs separate two choices, by their place on the ladder."""
    if first.rung_id in positions and second.rung_id in positions:
        return abs(positions[first.rung_id] - positions[second.rung_id])
    # A rung missing from the ladder given: fall back to the level numbers.
    return abs(first.level - second.level)


def describe_difference(theme_name: str, staff: RungChoice, community: RungChoice, gap: int) -> str:
    """The plain sentence shown where staff and community members disagree."""
    higher = "Staff" if staff.level > community.level else "Community members"
    return (
        f"{theme_name}: staff put this at rung {staff.level} ({staff.name}) and community "
        f"members at rung {community.level} ({community.name}), {gap} rungs apart. "
        f"{higher} see it higher up the ladder."
    )


def group_median(
    respondents: Iterable[RespondentScore],
    key: str,
    relation: str,
    minimum: int = MINIMUM_PEOPLE,
) -> RungChoice | Withheld | None:
    """The median rung one group gave a theme, withheld when fewer than ``minimum`` gave one."""
    rungs = [r.themes.get(key) for r in respondents if r.relation == relation]
    answered = [rung for rung in rungs if rung is not None]
    if not answered:
        return None
    return figure_from(len(answered), lower_median(answered), minimum)


def theme_reasons(
    respondents: Iterable[RespondentScore], key: str, rung: RungChoice | None
) -> tuple[tuple[str, str], ...]:
    """The answers that put people at the team's rung for a theme, each once, unattributed."""
    if rung is None:
        return ()
    found: dict[tuple[str, str], None] = {}
    for respondent in respondents:
        own = respondent.themes.get(key)
        if own is not None and own.level == rung.level:
            found.update(dict.fromkeys(respondent.reasons.get(key, ())))
    return tuple(found)


def lowest_and_highest(
    choices: Iterable[RungChoice | None],
) -> tuple[RungChoice | None, RungChoice | None]:
    ranked = sorted((c for c in choices if c is not None), key=lambda c: (c.level, c.rung_id))
    if not ranked:
        return None, None
    return ranked[0], ranked[-1]


def combine(
    respondents: Iterable[RespondentScore],
    themes: Iterable[tuple[str, str]],
    ladder: Iterable[RungChoice] = (),
    requirements: Iterable[Requirement] = (),
    rule: int = CURRENT_RULE,
    group_minimum: int = MINIMUM_PEOPLE,
) -> TeamScore:
    """Combine ``respondents`` (``RespondentScore``) over ``themes``.

    ``themes`` is the list of ``(key, name)`` to report, in order; ``ladder``
    the rungs (``RungChoice``, any order) used to count rungs apart;
    ``requirements`` and ``rule`` those of the questionnaire version the team
    is scored under; ``group_minimum`` the people needed before a group's
    median, or a theme's reasons, are shown.
    """
    requirements = tuple(requirements)
    respondents = list(respondents)
    positions = rung_positions(ladder)
    by_relation: dict[str, int] = {}
    for respondent in respondents:
        by_relation[respondent.relation] = by_relation.get(respondent.relation, 0) + 1

    spreads: list[ThemeSpread] = []
    for key, name in themes:
        choices = [r.themes.get(key) for r in respondents]
        counted = [c for c in choices if c is not None]
        lowest, highest = lowest_and_highest(counted)
        staff = group_median(respondents, key, STAFF, group_minimum)
        community = group_median(respondents, key, COMMUNITY, group_minimum)
        rung = lower_median(counted)
        spread = ThemeSpread(
            key=key,
            name=name,
            rung=rung,
            lowest=lowest,
            highest=highest,
            counted=len(counted),
            staff=staff,
            community=community,
            reasons=(
                figure_from(len(counted), theme_reasons(respondents, key, rung), group_minimum)
                if counted
                else ()
            ),
        )
        if isinstance(staff, RungChoice) and isinstance(community, RungChoice):
            spread.gap = rungs_apart(staff, community, positions)
            if spread.gap >= DIFFERENCE_THRESHOLD:
                spread.difference = describe_difference(name, staff, community, spread.gap)
        spreads.append(spread)

    if rule == RULE_ALL_ANSWERS:
        everything = [answer for r in respondents for answer in r.answers if answer is not None]
        overall = lower_median(everything)
        uncapped, caps = overall, tuple[Cap, ...]()
        own_overalls = [lower_median(r.answers) for r in respondents]
    else:
        capped = capped_overall({spread.key: spread.rung for spread in spreads}, requirements)
        overall, uncapped, caps = capped.rung, capped.uncapped, capped.caps
        own_overalls = [capped_overall(r.themes, requirements).rung for r in respondents]
    overall_lowest, overall_highest = lowest_and_highest(own_overalls)
    return TeamScore(
        overall=overall,
        uncapped=uncapped,
        caps=caps,
        rule=rule,
        requirements=requirements,
        themes=spreads,
        respondents=len(respondents),
        by_relation=by_relation,
        overall_lowest=overall_lowest,
        overall_highest=overall_highest,
    )
