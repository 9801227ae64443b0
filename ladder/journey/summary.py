"""What an assessment reads like on "check your answers" and on its result.

The result is read from the snapshot taken at submission only
(``ladder.submission``), so it reads the same after any later edit; the
admin shows it through ``result_context`` too.
"""

from ladder.charts import theme_chart
from ladder.choices import NOT_APPLICABLE, NOT_APPLICABLE_LABEL


def answer_summary(assessment, steps):
    """Each theme's questions with the chosen answer's words, for 'check your answers'."""
    summary = []
    for number, theme in enumerate(assessment.version.themes, start=1):
        rows = []
        for question in theme["questions"]:
            key = assessment.answers.get(question["key"])
            if key == NOT_APPLICABLE:
                answer = NOT_APPLICABLE_LABEL
            else:
                answer = next((o["label"] for o in question["options"] if o["key"] == key), "")
            rows.append({"question": question["text"], "answer": answer})
        summary.append(
            {
                "number": number,
                "theme": theme,
                "rows": rows,
                "evidence": assessment.evidence.get(theme["key"], ""),
                "change_url": steps.theme(number) + "?change=1",
            }
        )
    return summary


def unanswered_links(steps, about_done, missing):
    """The error summary's ``(href, message)`` items on "check your answers":
    each step that still needs an answer. ``missing`` is ``missing_answers()``."""
    items = []
    if not about_done:
        items.append((steps.about() + "?change=1", "Tell us about you and what you are assessing"))
    items.extend(
        (steps.theme(number) + "?change=1", f"Answer every question about {theme['name']}")
        for number, theme, _ in missing
    )
    return items


def result_context(assessment):
    """What the result page (and the admin's view of it) shows, from the snapshot only."""
    snapshot = assessment.result
    rungs = snapshot.get("rungs", [])
    overall = snapshot.get("overall")
    top_level = rungs[-1]["level"] if rungs else None
    themes = snapshot.get("themes", [])
    rungs_by_id = {rung["id"]: rung for rung in rungs}
    strengths = [
        theme
        for theme in themes
        if overall and theme["rung"] and theme["rung"]["level"] > overall["level"]
    ]
    to_climb = [theme for theme in themes if theme["rung"] and theme["rung"]["level"] != top_level]
    return {
        "snapshot": snapshot,
        "overall": overall,
        "overall_rung": rungs_by_id.get(overall["id"]) if overall else None,
        "ladder_rungs": rungs,
        "themes": themes,
        "strengths": strengths,
        "to_climb": to_climb,
        "chart": theme_chart(themes, rungs),
    }
