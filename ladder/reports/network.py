"""The network report: where partners stand, theme by theme and over time.

Built from invited assessments only (never self-assessments taken alone),
from revoked invitations never. Each partner counts once in the
distribution: at its published rung if it has one, otherwise at the
combined rung of its latest invitation with answers. Everything is loaded
in a fixed number of queries (see ``ladder.team_results``).

The small-number rule (``privacy.small_numbers``): staff and community
views enter the comparison only from teams where both groups had 5 or more
people (``ThemeSpread.compared``), and the CSV's counts of staff, volunteers
and community members show 1 to 4 as "fewer than 5 people". The other
figures count partners, invitations or quarters, not people, and a team's
own answer count and combined rung are shown to those who run its
invitation whatever its size, as on its lead contact's page.
"""

from collections import defaultdict
from statistics import mean

from django.utils import timezone

from ladder.charts import bar_chart
from ladder.models.invitations import Invitation
from ladder.models.publications import Publication
from ladder.models.rungs import Rung
from ladder.scoring import lower_median
from ladder.team_results import movement, team_results
from privacy.small_numbers import count_of_people


def quarter(moment):
    """The calendar quarter of ``moment`` as the organisation's clock reads it."""
    day = timezone.localdate(moment)
    return f"{day.year} Q{(day.month - 1) // 3 + 1}"


def average_of(levels):
    """The mean of rung levels to one decimal place, or None for none."""
    return round(float(mean(levels)), 1) if levels else None


def nearest_rung(average, rungs):
    if average is None or not rungs:
        return None
    return min(rungs, key=lambda rung: (abs(rung.level - average), rung.level))


class NetworkReport:
    """Everything the report page, its CSV and the dashboard panel show."""

    def __init__(self):
        self.rungs = list(Rung.objects.live())
        invitations = list(
            Invitation.objects.not_revoked()
            .filter(partner__live=True)
            .select_related("partner")
            .order_by("created_at", "pk")
        )
        self.results = team_results(invitations, self.rungs)
        self.answered = [r for r in self.results.values() if r.has_answers]
        self.answered.sort(key=lambda r: (r.latest_answer_at, r.invitation.pk))
        self.published = {
            publication.invitation.partner_id: publication
            for publication in Publication.objects.shown()
            .filter(invitation__partner__live=True)
            .select_related("invitation")
            .order_by("decided_at")
        }
        self.latest_by_partner = {}
        for result in self.answered:
            if result.overall is not None:
                self.latest_by_partner[result.invitation.partner_id] = result

    # Distribution ------------------------------------------------------------

    def partner_rungs(self):
        """One row per partner: its rung level, name and whether it is published."""
        rows = []
        partner_ids = set(self.published) | set(self.latest_by_partner)
        for partner_id in partner_ids:
            publication = self.published.get(partner_id)
            if publication is not None:
                rows.append(
                    {
                        "partner": publication.invitation.partner_id,
                        "level": publication.rung_level,
                        "rung_id": publication.rung_id,
                        "published": True,
                    }
                )
            else:
                overall = self.latest_by_partner[partner_id].overall
                rows.append(
                    {
                        "partner": partner_id,
                        "level": overall.level,
                        "rung_id": overall.rung_id,
                        "published": False,
                    }
                )
        return rows

    def distribution(self):
        counts = defaultdict(lambda: {"published": 0, "invited": 0})
        for row in self.partner_rungs():
            counts[row["rung_id"]]["published" if row["published"] else "invited"] += 1
        rows = []
        for rung in reversed(self.rungs):
            count = counts.get(rung.pk, {"published": 0, "invited": 0})
            rows.append(
                {
                    "rung": rung,
                    "published": count["published"],
                    "invited": count["invited"],
                    "total": count["published"] + count["invited"],
                }
            )
        return rows

    def distribution_chart(self):
        rows = self.distribution()
        return bar_chart(
            [
                {
                    "label": f"Rung {row['rung'].level}: {row['rung'].name}",
                    "bars": [
                        {
                            "value": row["total"],
                            "text": f"{row['total']} ({row['published']} published)",
                        }
                    ],
                }
                for row in rows
            ],
            max((row["total"] for row in rows), default=0),
        )

    # Themes ------------------------------------------------------------------

    def theme_averages(self):
        """Mean combined rung per theme over each partner's latest invitation,
        and staff and community means where both answered."""
        totals = {}
        for result in self.latest_by_partner.values():
            for theme in result.team.themes:
                entry = totals.setdefault(
                    theme.key,
                    {"name": theme.name, "levels": [], "staff": [], "community": [], "differ": 0},
                )
                entry["name"] = theme.name
                if theme.rung:
                    entry["levels"].append(theme.rung.level)
                if theme.compared:  # both groups had 5 or more people
                    entry["staff"].append(theme.staff.level)
                    entry["community"].append(theme.community.level)
                    entry["differ"] += 1 if theme.views_differ else 0
        rows = []
        for entry in totals.values():
            average = average_of(entry["levels"])
            rows.append(
                {
                    "name": entry["name"],
                    "average": average,
                    "nearest": nearest_rung(average, self.rungs),
                    "partners": len(entry["levels"]),
                    "staff": average_of(entry["staff"]),
                    "community": average_of(entry["community"]),
                    "compared": len(entry["staff"]),
                    "differ": entry["differ"],
                }
            )
        return rows

    def top_level(self):
        return self.rungs[-1].level if self.rungs else 1

    def theme_chart(self):
        return bar_chart(
            [
                {
                    "label": row["name"],
                    "bars": [{"value": row["average"] or 0, "text": f"{row['average'] or '-'}"}],
                }
                for row in self.theme_averages()
            ],
            self.top_level(),
        )

    def staff_community_chart(self):
        rows = [row for row in self.theme_averages() if row["compared"]]
        return bar_chart(
            [
                {
                    "label": row["name"],
                    "bars": [
                        {"value": row["staff"], "text": f"Staff {row['staff']}"},
                        {"value": row["community"], "text": f"Community {row['community']}"},
                    ],
                }
                for row in rows
            ],
            self.top_level(),
            series=2,
        )

    # Over time ---------------------------------------------------------------

    def over_time(self):
        """Per quarter of the latest answer: invitations answered and their median rung."""
        quarters = {}
        for result in self.answered:
            if result.overall is None:
                continue
            quarters.setdefault(quarter(result.latest_answer_at), []).append(result.overall)
        return [
            {"quarter": name, "count": len(overalls), "median": lower_median(overalls)}
            for name, overalls in sorted(quarters.items())
        ]

    def over_time_chart(self):
        rows = self.over_time()
        return bar_chart(
            [
                {
                    "label": row["quarter"],
                    "bars": [
                        {
                            "value": row["median"].level,
                            "text": f"Rung {row['median'].level} ({row['count']} assessed)",
                        }
                    ],
                }
                for row in rows
            ],
            self.top_level(),
        )

    def movements(self):
        """Up, same or down since the previous invitation for the same scope."""
        counts = {"Up": 0, "Same": 0, "Down": 0}
        previous = {}
        for result in self.answered:
            invitation = result.invitation
            key = (invitation.partner_id, invitation.scope_kind, invitation.scope_name.lower())
            if key in previous:
                moved = movement(previous[key].overall, result.overall)
                if moved in counts:
                    counts[moved] += 1
            previous[key] = result
        return counts

    # Export ------------------------------------------------------------------

    CSV_HEADER = [
        "Invitation",
        "Partner",
        "Assessing",
        "Name of what is assessed",
        "Created",
        "Latest answer",
        "Answers",
        "Staff",
        "Volunteers",
        "Community members",
        "Combined rung level",
        "Combined rung",
        "Published",
        "Themes where staff and community differ",
    ]

    def csv_rows(self):
        published_invitations = {p.invitation_id for p in self.published.values()}
        for result in sorted(self.results.values(), key=lambda r: r.invitation.created_at):
            invitation, team = result.invitation, result.team
            yield [
                invitation.pk,
                invitation.partner.title,
                invitation.get_scope_kind_display(),
                invitation.scope_name,
                timezone.localdate(invitation.created_at).isoformat(),
                timezone.localdate(result.latest_answer_at).isoformat()
                if result.latest_answer_at
                else "",
                team.respondents,
                count_of_people(team.by_relation.get("staff", 0)),
                count_of_people(team.by_relation.get("volunteer", 0)),
                count_of_people(team.by_relation.get("community", 0)),
                team.overall.level if team.overall else "",
                team.overall.name if team.overall else "",
                "yes" if invitation.pk in published_invitations else "no",
                "; ".join(theme.name for theme in team.differences),
            ]
