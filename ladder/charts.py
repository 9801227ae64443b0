"""A per-theme bar chart as server-rendered SVG geometry (no JavaScript).

Each row has the theme's name above a bar whose length is the rung's place
on the ladder, and the rung's level and name written after the bar, so the
chart never relies on colour. A table with the same data sits beside it.
"""

ROW_HEIGHT = 64
BAR_TOP = 28
BAR_HEIGHT = 22
BAR_AREA = 400
VIEW_WIDTH = 640


def theme_chart(themes, rungs):
    """Rows for ``components/ladder/theme_chart.html``.

    ``themes`` are snapshot dicts with a ``rung`` (or None); ``rungs`` are the
    snapshot's rungs, lowest first. A bar's length is the rung's position in
    the ladder, not its level number, so renumbered ladders draw the same.
    """
    positions = {rung["id"]: number for number, rung in enumerate(rungs, start=1)}
    colours = {rung["id"]: rung["colour"] for rung in rungs}
    count = max(len(rungs), 1)
    rows = []
    for index, theme in enumerate(themes):
        top = index * ROW_HEIGHT
        rung = theme.get("rung")
        width = 0
        if rung:
            width = round(BAR_AREA * positions.get(rung["id"], 1) / count)
        rows.append(
            {
                "name": theme["name"],
                "rung": rung,
                "label_y": top + 20,
                "bar_y": top + BAR_TOP,
                "bar_width": max(width, 4) if rung else 0,
                "value_x": (max(width, 4) + 10) if rung else 0,
                "value_y": top + BAR_TOP + 17,
                "colour": colours.get(rung["id"], "#1f4e5f") if rung else "",
            }
        )
    return {
        "rows": rows,
        "height": max(len(rows), 1) * ROW_HEIGHT,
        "width": VIEW_WIDTH,
        "bar_height": BAR_HEIGHT,
    }
