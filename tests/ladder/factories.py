"""Small builders for ladder tests: rungs, a published questionnaire, pages."""

from wagtail.blocks import StreamValue

from ladder.models import LadderPage, Questionnaire, Rung, SelfAssessmentPage
from tests.home.factories import PublishedPageFactory

BANDS = ["not_participation", "not_participation", "tokenism", "tokenism"] + [
    "participation",
    "participation",
    "shared_power",
    "shared_power",
]


def make_rungs(count=8):
    return [
        Rung.objects.create(
            level=level,
            name=f"Rung {level}",
            short_description=f"What rung {level} means.",
            how_to_climb=f"<p>Climb from rung {level}.</p>",
            band=BANDS[(level - 1) % len(BANDS)],
            colour="#1d70b8",
        )
        for level in range(1, count + 1)
    ]


def theme_data(name, rungs, questions=2, options=3, advice=None, allow_na=True, requirements=None):
    """A theme's raw StreamField data: each question offers the first ``options`` rungs.

    ``requirements``: ``(above rung, at least rung, plain words)`` for this theme.
    """
    return {
        "name": name,
        "introduction": f"About {name.lower()}.",
        "questions": [
            {
                "text": f"{name}: question {number}?",
                "help_text": "",
                "allow_not_applicable": allow_na,
                "options": [
                    {"label": f"{name} q{number} answer {rung.level}", "rung": rung.pk}
                    for rung in rungs[:options]
                ],
            }
            for number in range(1, questions + 1)
        ],
        "advice": [{"rung": rung.pk, "advice": text} for rung, text in (advice or [])],
        "requirements": [
            {"above": above.pk, "at_least": at_least.pk, "plain_words": words}
            for above, at_least, words in (requirements or [])
        ],
    }


def publish_questionnaire(questionnaire=None, themes=(), title="Self-assessment"):
    """Create or update the questionnaire with ``themes`` (raw data) and publish it."""
    if questionnaire is None:
        questionnaire = Questionnaire(title=title)
    stream_block = Questionnaire._meta.get_field("themes").stream_block
    questionnaire.themes = StreamValue(
        stream_block, [("theme", stream_block.child_blocks["theme"].to_python(t)) for t in themes]
    )
    questionnaire.save()
    questionnaire.save_revision().publish()
    questionnaire.refresh_from_db()
    return questionnaire


class LadderPageFactory(PublishedPageFactory):
    title = "The ladder"
    slug = "ladder"
    introduction = "<p>Our ladder.</p>"

    class Meta:
        model = LadderPage


class SelfAssessmentPageFactory(PublishedPageFactory):
    title = "Self-assessment"
    slug = "self-assessment"

    class Meta:
        model = SelfAssessmentPage


def make_pages(home_page, questionnaire):
    ladder = LadderPageFactory(parent=home_page)
    page = SelfAssessmentPageFactory(parent=ladder, questionnaire=questionnaire)
    return ladder, page
