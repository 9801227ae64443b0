"""The demo ladder loads, renders and changes nothing when loaded again."""

import io

import pytest

from home import demo_content as home_demo
from ladder import demo_content
from ladder.choices import Band
from ladder.models import QuestionnaireVersion, Rung, SelfAssessment

pytestmark = pytest.mark.django_db


def load_twice():
    home_demo.load(io.StringIO())
    demo_content.load(io.StringIO())
    counts = (
        Rung.objects.count(),
        QuestionnaireVersion.objects.count(),
        SelfAssessment.objects.count(),
    )
    demo_content.load(io.StringIO())
    assert counts == (
        Rung.objects.count(),
        QuestionnaireVersion.objects.count(),
        SelfAssessment.objects.count(),
    )


def test_demo_ladder_has_eight_rungs_in_four_bands_and_loads_once(home_page, client):
    load_twice()
    rungs = list(Rung.objects.all())
    assert [rung.level for rung in rungs] == list(range(1, 9))
    assert rungs[0].band == Band.NOT_PARTICIPATION
    assert rungs[-1].name == "Deciding together"
    assert {rung.band for rung in rungs} == set(Band.values)
    version = QuestionnaireVersion.objects.get()
    assert len(version.themes) == 5
    assert all(2 <= len(theme["questions"]) <= 3 for theme in version.themes)
    samples = SelfAssessment.objects.submitted()
    assert samples.count() == 3
    assert all(sample.overall_rung for sample in samples)
    assert client.get("/ladder/").status_code == 200
    assert client.get("/ladder/self-assessment/").status_code == 200
    assert client.get("/ladder/self-assessment/blank/").status_code == 200


# The carers' support service from issue 19: themes at rungs 1, 5, 2, 4 and 6, by the
# index of the answer chosen for each question, theme by theme.
CARERS_SERVICE = {
    1: [0, 0],  # Who takes part: nobody outside, they don't -> rung 1
    2: [2, 1, 2],  # Decisions: 5, 5, 8 -> rung 5
    3: [1, 0],  # Paying people: a voucher sometimes (3), people pay their own costs (2) -> 2
    4: [2, 0],  # Feedback: 4, 4 -> rung 4
    5: [3, 2],  # Learning: 7, 6 -> rung 6
}


def test_the_demo_questionnaire_caps_the_carers_service_at_rung_2_and_says_why(home_page, client):
    from tests.ladder.journey_helpers import ABOUT, start, url

    home_demo.load(io.StringIO())
    demo_content.load(io.StringIO())
    token = start(client)
    assert client.post(url(token, "about/"), ABOUT).status_code == 302
    version = QuestionnaireVersion.objects.get()
    for number, theme in enumerate(version.themes, start=1):
        data = {
            f"q-{question['key']}": question["options"][pick]["key"]
            for question, pick in zip(theme["questions"], CARERS_SERVICE[number], strict=True)
        }
        data["evidence"] = "We refund bus fares when people bring receipts." if number == 3 else ""
        assert client.post(url(token, f"step/{number}/"), data).status_code == 302
    assert client.post(url(token, "check/")).status_code == 302
    assessment = SelfAssessment.objects.get(pk=SelfAssessment.objects.latest("created_at").pk)
    assert [t["rung"]["level"] for t in assessment.result["themes"]] == [1, 5, 2, 4, 6]
    assert assessment.overall_level == 2
    body = " ".join(client.get(url(token, "result/")).content.decode().split())
    assert (
        "Your themes put you at rung 4. You are shown at rung 2 because, to be above rung 2, "
        "people must be paid for their time (your Paying people and removing barriers theme "
        "is at rung 2)."
    ) in body
    assert '“People pay their own” <span class="hint">' in body
    assert "Your evidence: We refund bus fares when people bring receipts." in body
    # Advice written for the theme, not the rung's general advice.
    assert "Pay people for their time, and cover travel, childcare and food" in body
    assert all(theme["advice_is_theme_specific"] for theme in assessment.result["themes"])


def test_every_demo_theme_has_its_own_advice_for_every_rung_it_can_land_on_below_the_top():
    top = max(level for level, *_ in demo_content.RUNGS)
    for name, _intro, questions, _advice in demo_content.THEMES:
        reachable = {level for _q, _h, options in questions for _label, level in options}
        written = set(demo_content.THEME_ADVICE[name])
        assert reachable - {top} <= written, name
        assert all(len(text) > 60 for text in demo_content.THEME_ADVICE[name].values())
