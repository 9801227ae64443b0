"""Progress over time: how a result compares with the one it was taken again from.

A result keeps a snapshot (``ladder.submission``), so both sides of a
comparison read as they did when each was sent. Themes are matched by their
stable key, then by name (a theme rebuilt under the same name is the same
theme to the person reading). Rungs are compared by level, so the words say
up, down or the same, never a count of rungs a renumbered ladder would skew.
"""

from dataclasses import dataclass

# How far back the chain of earlier results goes on one page.
CHAIN_LIMIT = 20


@dataclass(frozen=True)
class Change:
    """One line of the comparison: a theme, or the overall rung."""

    name: str
    before: dict | None
    now: dict | None

    @property
    def direction(self):
        if self.before is None and self.now is None:
            return "none"
        if self.before is None:
            return "new"
        if self.now is None:
            return "gone"
        if self.now["level"] > self.before["level"]:
            return "up"
        if self.now["level"] < self.before["level"]:
            return "down"
        return "same"

    @property
    def words(self):
        return {
            "up": "Up",
            "down": "Down",
            "same": "No change",
            "new": "No rung before",
            "gone": "No rung now",
            "none": "No rung either time",
        }[self.direction]


def rung_words(rung):
    return f"Rung {rung['level']}: {rung['name']}" if rung else "No rung"


def compare(current, previous):
    """The change from ``previous`` to ``current`` (both submitted), per theme and overall.

    Themes asked now come first, in today's order; themes only the earlier
    result had follow, marked as no longer asked.
    """
    earlier = previous.result.get("themes", [])
    by_key = {theme["key"]: theme for theme in earlier}
    by_name = {theme["name"]: theme for theme in earlier}
    matched = set()
    themes = []
    for theme in current.result.get("themes", []):
        before = by_key.get(theme["key"]) or by_name.get(theme["name"])
        if before is not None:
            matched.add(before["key"])
        themes.append(Change(theme["name"], before["rung"] if before else None, theme["rung"]))
    no_longer_asked = [theme["name"] for theme in earlier if theme["key"] not in matched]
    return {
        "previous": previous,
        "overall": Change("Overall", previous.result.get("overall"), current.result.get("overall")),
        "themes": themes,
        "no_longer_asked": no_longer_asked,
        "rule_changed": current.scoring_rule != previous.scoring_rule,
        "previous_rule": previous.get_scoring_rule_display(),
        "current_rule": current.get_scoring_rule_display(),
        "version_changed": current.result.get("version") != previous.result.get("version"),
    }


def earlier_results(assessment, limit=CHAIN_LIMIT):
    """The results this one was taken again from, newest first, each with its
    place in the chain (1 for the one just before)."""
    chain = []
    seen = {assessment.pk}
    current = assessment.previous
    while current is not None and current.pk not in seen and len(chain) < limit:
        if current.is_submitted:
            chain.append(current)
        seen.add(current.pk)
        current = current.previous
    return chain


def progress_context(assessment, earlier_url):
    """The result page's "since last time" section and the chain of earlier results.

    ``earlier_url(n)`` is the private address of the n-th earlier result.
    """
    chain = earlier_results(assessment)
    if not chain:
        return {}
    return {
        "progress": compare(assessment, chain[0]),
        "earlier": [
            {"result": result, "url": earlier_url(number), "overall": result.result.get("overall")}
            for number, result in enumerate(chain, start=1)
        ],
    }
