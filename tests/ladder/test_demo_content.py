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
