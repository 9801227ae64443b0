"""Every ladder chart as server-rendered SVG geometry (no JavaScript).

- ``theme_chart``: one result's rung per theme (the result page, the admin).
- ``spread_chart``: an invitation's combined rung per theme, with the spread
  from the lowest to the highest respondent (the lead contact's page).
- ``bar_chart``: the network report's and dashboard's bars.

Every bar has its value written beside it, so no chart relies on colour, and
a table with the same data sits beside each one.
"""

# Theme and spread charts: each row has the theme's name above a bar whose
# length is the rung's place on the ladder.
ROW_HEIGHT = 64
BAR_TOP = 28
BAR_HEIGHT = 22
BAR_AREA = 400
VIEW_WIDTH = 640

# The report's bar charts: a label column, then bars.
REPORT_BAR_AREA = 360
REPORT_LABEL_WIDTH = 250
REPORT_ROW_HEIGHT = 40


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


def spread_chart(team, rungs):
    """Rows for the combined chart: a bar to the team rung, a line from lowest to highest.

    ``rungs`` are Rung objects lowest first; bar lengths are places on the
    ladder, so renumbered ladders draw the same.
    """
    positions = {rung.pk: number for number, rung in enumerate(rungs, start=1)}
    colours = {rung.pk: rung.colour for rung in rungs}
    count = max(len(rungs), 1)

    def x(choice):
        return round(BAR_AREA * positions.get(choice.rung_id, 1) / count)

    rows = []
    for index, theme in enumerate(team.themes):
        top = index * ROW_HEIGHT
        row = {
            "name": theme.name,
            "theme": theme,
            "label_y": top + 20,
            "bar_y": top + BAR_TOP,
            "value_y": top + BAR_TOP + 17,
            "spread_y": top + BAR_TOP + BAR_HEIGHT // 2,
        }
        if theme.rung:
            width = max(x(theme.rung), 4)
            row.update(
                bar_width=width,
                colour=colours.get(theme.rung.rung_id, "#1f4e5f"),
                low_x=x(theme.lowest),
                high_x=x(theme.highest),
                value_x=max(width, x(theme.highest)) + 10,
            )
        rows.append(row)
    return {
        "rows": rows,
        "height": max(len(rows), 1) * ROW_HEIGHT,
        "width": VIEW_WIDTH,
        "bar_height": BAR_HEIGHT,
    }


def bar_chart(rows, maximum, series=1):
    """Geometry for ``components/ladder/bar_chart.html``.

    ``rows`` are ``{"label": str, "bars": [{"value": number, "text": str}]}``;
    each bar's text is written beside it, so the chart never relies on colour.
    """
    maximum = maximum or 1
    height_per_row = REPORT_ROW_HEIGHT + (series - 1) * (BAR_HEIGHT + 4)
    drawn = []
    for index, row in enumerate(rows):
        top = index * height_per_row
        bars = []
        for number, bar in enumerate(row["bars"]):
            y = top + 8 + number * (BAR_HEIGHT + 4)
            width = round(REPORT_BAR_AREA * (bar["value"] or 0) / maximum)
            bars.append(
                {
                    **bar,
                    "y": y,
                    "width": width,
                    "text_x": REPORT_LABEL_WIDTH + width + 8,
                    "text_y": y + 16,
                    "series": number,
                }
            )
        drawn.append({"label": row["label"], "label_y": top + 8 + 16, "bars": bars})
    return {
        "rows": drawn,
        "label_width": REPORT_LABEL_WIDTH,
        "bar_height": BAR_HEIGHT,
        "width": REPORT_LABEL_WIDTH + REPORT_BAR_AREA + 140,
        "height": max(len(rows), 1) * height_per_row + 8,
    }
