"""What a rung's preview shows: the ladder page and a sample result, with the
rung as it stands in the editor among the published rungs.

It reads no database: the model hands it the other live rungs.
"""

from ladder.charts import theme_chart

TEMPLATES = {
    "": "pages/ladder/preview/rung_ladder.html",
    "result": "pages/ladder/preview/rung_result.html",
}

# An unsaved rung has no id yet; the preview marks it by this one.
UNSAVED_ID = 0


def ladder_with(rung, others):
    """The published rungs and this one, lowest first."""
    return sorted([*others, rung], key=lambda r: (r.level or 0, r.pk or UNSAVED_ID))


def snapshot(rung):
    return {
        "id": rung.pk or UNSAVED_ID,
        "level": rung.level,
        "name": rung.name,
        "band": rung.band_label,
        "colour": rung.colour,
        "short_description": rung.short_description,
        "how_to_climb": rung.how_to_climb,
    }


def sample_themes(ladder, position, top_level):
    """Three made-up themes: one on the rung below this one, one on it, one above."""
    themes = []
    names = ["A theme one rung lower", "A theme on this rung", "A theme one rung higher"]
    for offset, name in zip((-1, 0, 1), names, strict=True):
        index = position + offset
        if not 0 <= index < len(ladder):
            continue
        rung = ladder[index]
        themes.append(
            {
                "key": f"sample-{offset}",
                "name": name,
                "rung": {"id": rung["id"], "level": rung["level"], "name": rung["name"]},
                "answered": 3,
                "not_applicable": 0,
                "evidence": "",
                "advice": rung["how_to_climb"] if rung["level"] != top_level else "",
                "answers": [],
            }
        )
    return themes


def preview_context(rung, others, mode_name):
    """The template context for one preview mode."""
    ladder = ladder_with(rung, others)
    if mode_name != "result":
        return {"rungs": ladder, "previewed": rung}
    rungs = [snapshot(r) for r in ladder]
    position = ladder.index(rung)
    top_level = rungs[-1]["level"]
    themes = sample_themes(rungs, position, top_level)
    overall = rungs[position]
    return {
        "previewed": rung,
        "snapshot": {"questionnaire": "A sample, for this preview only", "version": "none"},
        "overall": {"id": overall["id"], "level": overall["level"], "name": overall["name"]},
        "overall_rung": overall,
        "ladder_rungs": rungs,
        "themes": themes,
        "strengths": [t for t in themes if t["rung"]["level"] > overall["level"]],
        "to_climb": [t for t in themes if t["rung"]["level"] != top_level],
        "chart": theme_chart(themes, rungs),
    }
