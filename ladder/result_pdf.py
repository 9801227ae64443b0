"""A self-assessment result as a PDF, drawn by WeasyPrint from the page's own template.

The PDF is the result page's body (``components/ladder/result_body.html``:
the overall rung on the ladder, the theme chart as vector drawing with its
table twin, strengths, advice and answers) under a short heading, in the
site's own stylesheet with its print rules, plus ``css/result_pdf.css`` for
the page size and a font Debian ships that covers Welsh (ŵ, ŷ).

WeasyPrint needs Debian's Pango at run time; ``scripts/check_pdf.sh``
installs it and renders :func:`sample_context` to prove it works (CI and the
Docker build both run it). It is imported only when a PDF is made, so the
rest of the site runs without it.
"""

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string

from ladder.charts import theme_chart

STYLESHEETS = ("css/site.css", "css/result_pdf.css")


def render_result_pdf(context, base_url=None):
    """The PDF bytes of a result; ``context`` is the result page's (``result_context``)."""
    from weasyprint import CSS, HTML

    html = render_to_string("pages/ladder/result_pdf.html", context)
    stylesheets = [CSS(filename=finders.find(name)) for name in STYLESHEETS]
    return HTML(string=html, base_url=base_url).write_pdf(stylesheets=stylesheets)


def sample_context():
    """A made-up result in Welsh and English, drawn without a database."""
    rungs = [
        {
            "id": level,
            "level": level,
            "name": name,
            "band": band,
            "colour": colour,
            "short_description": f"Disgrifiad byr ŵ ŷ: rung {level}.",
            "how_to_climb": f"<p>Climb from rung {level}.</p>",
        }
        for level, name, band, colour in [
            (1, "Ystrywio", "Not participation", "#6f2c91"),
            (2, "Addurno", "Tokenism", "#b1005c"),
            (3, "Hysbysu", "Participation", "#1d70b8"),
            (4, "Ymgynghori", "Participation", "#00703c"),
            (5, "Rhannu grŵp", "Shared power", "#594d00"),
        ]
    ]
    themes = [
        {
            "key": key,
            "name": name,
            "rung": {"id": level, "level": level, "name": rungs[level - 1]["name"]},
            "answered": 2,
            "not_applicable": 0,
            "evidence": "",
            "advice": rungs[level - 1]["how_to_climb"],
            "advice_is_theme_specific": False,
            "answers": [{"text": f"{name}?", "answer": "Ŵyr ŷd", "sets_rung": True}],
        }
        for key, name, level in [("a", "Penderfyniadau", 3), ("b", "Talu pobl", 4)]
    ]
    overall = themes[0]["rung"]
    return {
        "title": "Sample result: Gwasanaeth Tŷ Ŵyn",
        "sent_on": None,
        "snapshot": {"questionnaire": "Sample", "version": 1, "rule": 2, "requirements": []},
        "overall": overall,
        "overall_rung": rungs[overall["level"] - 1],
        "ladder_rungs": rungs,
        "themes": themes,
        "strengths": [themes[1]],
        "to_climb": themes,
        "chart": theme_chart(themes, rungs),
    }
