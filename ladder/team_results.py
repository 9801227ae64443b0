"""Invitations' combined results, read from the database in a fixed number of queries.

``team_results(invitations)`` loads every submitted respondent of the given
invitations at once (respondents, their theme rungs, their answered rungs:
three queries whatever the number of people, and one for the questionnaire
versions they answered) and combines each invitation
with the rules in ``ladder.team_scoring``. Only *submitted* assessments of
the invitation count; drafts never do. How many of each relation answered
follows the small-number rule (``privacy.small_numbers``): 1 to 4 is shown
as "fewer than 5 people" (1 to 2 and "fewer than 3 people" for one
invitation's own result).
"""

from dataclasses import dataclass, field

from ladder.choices import Relation
from ladder.models.assessments import Answer, SelfAssessment, ThemeResult
from ladder.models.invitations import Invitation, Respondent
from ladder.models.questionnaire import QuestionnaireVersion
from ladder.models.rungs import Rung
from ladder.rung_requirements import requirement_dict, version_requirements
from ladder.scoring import CURRENT_RULE, RULE_ALL_ANSWERS, RungChoice
from ladder.team_scoring import TEAM_RESULT_GROUP_MINIMUM, RespondentScore, TeamScore, combine
from privacy.small_numbers import MINIMUM_PEOPLE, count_of_people


@dataclass
class TeamResult:
    """One invitation's combined result, with what the pages around it need."""

    invitation: Invitation
    team: TeamScore
    latest_answer_at: object = None
    relations: list = field(default_factory=list)
    previous: "TeamResult | None" = None

    @property
    def has_answers(self):
        return self.team.respondents > 0

    @property
    def overall(self):
        return self.team.overall

    @property
    def requirements(self):
        """The requirements the team was scored with, as dicts for the page."""
        return [requirement_dict(requirement) for requirement in self.team.requirements]

    @property
    def rule_changed_since_previous(self):
        """The previous result was scored under another rule or other requirements."""
        if self.previous is None or not self.previous.has_answers:
            return False
        before = self.previous.team
        return (before.rule, before.requirements) != (self.team.rule, self.team.requirements)

    def change_since_previous(self):
        """Overall and per-theme movement since the previous invitation for the same scope."""
        if self.previous is None or not self.previous.has_answers:
            return None
        before = self.previous.team
        themes_before = {theme.key: theme for theme in before.themes}
        rows = []
        for theme in self.team.themes:
            earlier = themes_before.get(theme.key)
            rows.append(
                {
                    "name": theme.name,
                    "before": earlier.rung if earlier else None,
                    "now": theme.rung,
                    "movement": movement(earlier.rung if earlier else None, theme.rung),
                }
            )
        return {
            "invitation": self.previous.invitation,
            "date": self.previous.latest_answer_at,
            "overall_before": before.overall,
            "overall_now": self.team.overall,
            "overall_movement": movement(before.overall, self.team.overall),
            "rule_before": before.rule,
            "themes": rows,
        }


def movement(before, now):
    if before is None or now is None:
        return "Not comparable"
    if now.level > before.level:
        return "Up"
    if now.level < before.level:
        return "Down"
    return "Same"


def ladder_choices(rungs=None):
    rungs = list(Rung.objects.live()) if rungs is None else rungs
    return [RungChoice(rung.pk, rung.level, rung.name) for rung in rungs]


def team_results(invitations, rungs=None, group_minimum=MINIMUM_PEOPLE):
    """``{invitation id: TeamResult}`` for ``invitations`` (model instances).

    ``group_minimum``: people needed before a group's view or count is shown.
    """
    invitations = list(invitations)
    ids = [invitation.pk for invitation in invitations]
    if not ids:
        return {}
    submitted = SelfAssessment.Status.SUBMITTED
    respondents = list(
        Respondent.objects.filter(invitation_id__in=ids, assessment__status=submitted)
        .select_related("assessment")
        .only(
            "pk",
            "invitation_id",
            "relation",
            "assessment__submitted_at",
            "assessment__status",
            "assessment__version_id",
            "assessment__scoring_rule",
        )
        .order_by("assessment__submitted_at", "pk")
    )
    assessment_ids = [r.assessment_id for r in respondents]
    theme_rows = list(
        ThemeResult.objects.filter(assessment_id__in=assessment_ids)
        .values_list(
            "assessment_id",
            "position",
            "theme_key",
            "theme_name",
            "rung_id",
            "rung_level",
            "rung_name",
        )
        .order_by("assessment_id", "position")
    )
    answer_rows = list(
        Answer.objects.filter(assessment_id__in=assessment_ids, rung__isnull=False)
        .values_list(
            "assessment_id",
            "rung_id",
            "rung_level",
            "rung_name",
            "theme_key",
            "question_text",
            "option_label",
        )
        .order_by("assessment_id", "position")
    )
    themes_of, answers_of, theme_order = {}, {}, {}
    for assessment_id, position, key, name, rung_id, level, rung_name in theme_rows:
        choice = RungChoice(rung_id, level, rung_name) if rung_id else None
        themes_of.setdefault(assessment_id, {})[key] = choice
        # The newest answer's wording and order win (rows come oldest first).
        theme_order.setdefault(assessment_id, []).append((position, key, name))
    reasons_of = {}
    for assessment_id, rung_id, level, rung_name, key, question, label in answer_rows:
        answers_of.setdefault(assessment_id, []).append(RungChoice(rung_id, level, rung_name))
        own = themes_of.get(assessment_id, {}).get(key)
        if own is not None and own.level == level:
            reasons = reasons_of.setdefault(assessment_id, {})
            reasons[key] = (*reasons.get(key, ()), (question, label))

    ladder = ladder_choices(rungs)
    requirements_of = scored_with(respondents, {rung.rung_id: rung for rung in ladder})
    by_invitation = {pk: [] for pk in ids}
    for respondent in respondents:
        by_invitation[respondent.invitation_id].append(respondent)

    results = {}
    for invitation in invitations:
        people = by_invitation[invitation.pk]
        names, order = {}, {}
        for respondent in people:
            for position, key, name in theme_order.get(respondent.assessment_id, []):
                names[key] = name
                order.setdefault(key, (position, len(order)))
        themes = sorted(names.items(), key=lambda item: order[item[0]])
        scores = [
            RespondentScore(
                relation=respondent.relation,
                themes=themes_of.get(respondent.assessment_id, {}),
                answers=tuple(answers_of.get(respondent.assessment_id, [])),
                reasons=reasons_of.get(respondent.assessment_id, {}),
            )
            for respondent in people
        ]
        rule, requirements = requirements_of(people)
        team = combine(scores, themes, ladder, requirements, rule, group_minimum)
        results[invitation.pk] = TeamResult(
            invitation=invitation,
            team=team,
            latest_answer_at=people[-1].assessment.submitted_at if people else None,
            relations=[
                {
                    "label": label,
                    "count": count_of_people(team.by_relation.get(value, 0), group_minimum),
                }
                for value, label in Relation.choices
            ],
        )
    return results


def scored_with(respondents, ladder_by_id):
    """A function giving ``(rule, requirements)`` for a group of respondents. One query.

    A team is scored under rule 1 while every answer it counts was; otherwise
    under rule 2, with the requirements of the newest questionnaire version
    any of its respondents answered.
    """
    newer = [r for r in respondents if r.assessment.scoring_rule != RULE_ALL_ANSWERS]
    version_ids = {r.assessment.version_id for r in newer}
    versions = (
        {
            version.pk: version
            for version in QuestionnaireVersion.objects.filter(pk__in=version_ids).only(
                "pk", "number", "structure", "created_at"
            )
        }
        if version_ids
        else {}
    )

    def rule_and_requirements(people):
        counted = [
            versions[p.assessment.version_id] for p in people if p.assessment.version_id in versions
        ]
        if not counted:
            return RULE_ALL_ANSWERS if people else CURRENT_RULE, ()
        newest = max(counted, key=lambda version: (version.created_at, version.pk))
        return CURRENT_RULE, tuple(version_requirements(newest, ladder_by_id))

    return rule_and_requirements


def previous_for_scope(invitation):
    """The partner's previous live invitation for the same scope, or None. One query."""
    return (
        Invitation.objects.not_revoked()
        .filter(
            partner_id=invitation.partner_id,
            scope_kind=invitation.scope_kind,
            scope_name__iexact=invitation.scope_name,
            created_at__lt=invitation.created_at,
            respondents__assessment__status=SelfAssessment.Status.SUBMITTED,
        )
        .order_by("-created_at")
        .first()
    )


def team_result_with_history(invitation, rungs=None):
    """The invitation's result, with the previous result for the same scope attached.

    One invitation's result shows a group's view from 3 people up
    (``TEAM_RESULT_GROUP_MINIMUM``).
    """
    previous = previous_for_scope(invitation)
    results = team_results(
        [invitation, *([previous] if previous else [])], rungs, TEAM_RESULT_GROUP_MINIMUM
    )
    result = results[invitation.pk]
    if previous is not None:
        result.previous = results[previous.pk]
    return result
