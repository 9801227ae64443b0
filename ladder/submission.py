"""Submitting a self-assessment: a finished draft becomes a result that reads the same for ever.

``submit`` scores the answers (``ladder.scoring``) and keeps a snapshot of
the question and answer texts, the rungs and their advice, and the
questionnaire version, so later edits to the ladder or the questionnaire
never change a result already given.
"""

from django.db import transaction

from ladder.choices import NOT_APPLICABLE, NOT_APPLICABLE_LABEL
from ladder.models.assessments import Answer, ThemeResult
from ladder.models.rungs import Rung
from ladder.rung_requirements import choice_dict, requirement_dict, version_requirements
from ladder.scoring import CURRENT_RULE, RungChoice, explain, score


def missing_answers(assessment):
    """Themes (with their 1-based step numbers) that still have unanswered questions."""
    missing = []
    for number, theme in enumerate(assessment.version.themes, start=1):
        unanswered = [
            question for question in theme["questions"] if question["key"] not in assessment.answers
        ]
        if unanswered:
            missing.append((number, theme, unanswered))
    return missing


def about_is_complete(assessment):
    return bool(
        (assessment.partner_id or assessment.organisation_name)
        and assessment.scope_type
        and assessment.scope_name
        and assessment.took_part
    )


def rung_snapshot(rung):
    return {
        "id": rung.pk,
        "level": rung.level,
        "name": rung.name,
        "band": rung.band_label,
        "colour": rung.colour,
        "short_description": rung.short_description,
        "how_to_climb": rung.how_to_climb,
    }


@transaction.atomic
def submit(assessment):
    """Score a complete draft, store its snapshot and answer rows, and mark it submitted."""
    # Answers are found by id among every rung (the version froze which ones);
    # the ladder the result draws is the published one, as the public sees it.
    rungs = {rung.pk: rung for rung in Rung.objects.all()}
    ordered = sorted(
        (rung for rung in rungs.values() if rung.live), key=lambda rung: (rung.level, rung.pk)
    )
    top_level = ordered[-1].level if ordered else None

    scored_themes = []
    answer_rows = []
    position = 0
    for theme in assessment.version.themes:
        choices = []
        for question in theme["questions"]:
            position += 1
            chosen_key = assessment.answers.get(question["key"])
            option = next((o for o in question["options"] if o["key"] == chosen_key), None)
            rung = rungs.get(option["rung_id"]) if option else None
            choice = RungChoice(rung.pk, rung.level, rung.name) if rung else None
            choices.append(choice)
            answer_rows.append(
                Answer(
                    assessment=assessment,
                    position=position,
                    theme_key=theme["key"],
                    question_key=question["key"],
                    question_text=question["text"][:250],
                    option_key=option["key"] if option else "",
                    option_label=option["label"][:250] if option else "",
                    not_applicable=chosen_key == NOT_APPLICABLE or option is None,
                    rung=rung,
                    rung_level=rung.level if rung else None,
                    rung_name=rung.name if rung else "",
                )
            )
        scored_themes.append((theme["key"], theme["name"], choices))

    requirements = version_requirements(assessment.version, rungs)
    result = score(scored_themes, requirements)
    setting = {theme.key: set(theme.setting) for theme in result.themes}
    answers_by_theme = {}
    for row in answer_rows:
        answers = answers_by_theme.setdefault(row.theme_key, [])
        answers.append(
            {
                "text": row.question_text,
                "answer": row.option_label if not row.not_applicable else NOT_APPLICABLE_LABEL,
                "not_applicable": row.not_applicable,
                "rung": {"level": row.rung_level, "name": row.rung_name} if row.rung_id else None,
                # This answer is one that put the theme on its rung.
                "sets_rung": len(answers) in setting.get(row.theme_key, ()),
            }
        )

    themes_snapshot = []
    theme_rows = []
    for number, (theme, theme_score) in enumerate(
        zip(assessment.version.themes, result.themes, strict=True), start=1
    ):
        rung = rungs.get(theme_score.rung.rung_id) if theme_score.rung else None
        advice, advice_is_theme_specific = "", False
        if rung is not None and rung.level != top_level:
            theme_advice = theme.get("advice", {}).get(str(rung.pk))
            advice = theme_advice or rung.how_to_climb
            advice_is_theme_specific = bool(theme_advice)
        themes_snapshot.append(
            {
                "key": theme["key"],
                "name": theme["name"],
                "rung": choice_dict(theme_score.rung),
                "answered": theme_score.answered,
                "not_applicable": theme_score.not_applicable,
                "evidence": assessment.evidence.get(theme["key"], ""),
                "advice": advice,
                "advice_is_theme_specific": advice_is_theme_specific,
                "answers": answers_by_theme.get(theme["key"], []),
            }
        )
        theme_rows.append(
            ThemeResult(
                assessment=assessment,
                position=number,
                theme_key=theme["key"],
                theme_name=theme["name"][:120],
                rung=rung,
                rung_level=rung.level if rung else None,
                rung_name=rung.name if rung else "",
                answered=theme_score.answered,
                not_applicable=theme_score.not_applicable,
            )
        )

    overall = rungs.get(result.overall.rung_id) if result.overall else None
    assessment.result = {
        "questionnaire": assessment.version.questionnaire.title,
        "version": assessment.version.number,
        "overall": choice_dict(result.overall),
        "themes": themes_snapshot,
        "rungs": [rung_snapshot(rung) for rung in ordered],
        # The rule it was scored under, and both figures: results never change.
        "rule": CURRENT_RULE,
        "themes_median": choice_dict(result.uncapped),
        "requirements": [requirement_dict(requirement) for requirement in requirements],
        "capped_by": [requirement_dict(cap.requirement) for cap in result.caps],
        "explanation": explain(result.overall, result.uncapped, result.caps),
    }
    assessment.scoring_rule = CURRENT_RULE
    assessment.overall_rung = overall
    assessment.overall_level = overall.level if overall else None
    assessment.mark_submitted()
    assessment.save()
    Answer.objects.filter(assessment=assessment).delete()
    ThemeResult.objects.filter(assessment=assessment).delete()
    Answer.objects.bulk_create(answer_rows)
    ThemeResult.objects.bulk_create(theme_rows)
    return assessment
