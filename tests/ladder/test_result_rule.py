"""The rule on the result page: both figures in plain words, the reasons, and old
results that read exactly as they did before rung requirements existed."""

import datetime
import json
import re
from pathlib import Path

import pytest
from django.utils import timezone

from home.private_links import hash_token
from ladder.choices import ScoringRule
from ladder.models import SelfAssessment
from tests.ladder.factories import make_pages, publish_questionnaire, theme_data
from tests.ladder.journey_helpers import complete, url

SNAPSHOTS = Path(__file__).parent / "snapshots"
THEMES = ["Who takes part", "Decisions", "Paying people", "Feedback", "Learning"]
SENTENCE = (
    "Your themes put you at rung 4. You are shown at rung 2 because, to be above rung 2, "
    "people must be paid for their time (your Paying people theme is at rung 2)."
)
# One question per theme offering every rung: these picks put the themes at 1, 5, 2, 4, 6.
WORKED_EXAMPLE = {1: 0, 2: 4, 3: 1, 4: 3, 5: 5}


def questionnaire_with(rungs, requirement=True, questionnaire=None):
    themes = [theme_data(name, rungs, questions=1, options=8) for name in THEMES]
    if requirement:
        themes[2] = theme_data(
            "Paying people",
            rungs,
            questions=1,
            options=8,
            requirements=[(rungs[1], rungs[2], "people must be paid for their time")],
        )
    return publish_questionnaire(questionnaire, themes=themes)


def main_of(html):
    """The page's main content, with runs of white space made one (nobody sees them).

    "Take it again" and "Keep your result" (issue 22: a PDF, the link by
    email) changed after old_result.html was kept, and are no part of the
    result itself (their forms hold a fresh CSRF token on every request), so
    they are left out of the comparison.
    """
    main = re.search(r"<main.*?</main>", html, re.S).group(0)
    main = re.sub(
        r'<section[^>]*aria-labelledby="(again|keep)-heading".*?</section>\s*', "", main, flags=re.S
    )
    return re.sub(r"\s+", " ", main)


@pytest.mark.django_db
def test_the_worked_example_shows_both_figures_and_the_requirement(client, home_page, rungs):
    make_pages(home_page, questionnaire_with(rungs))
    token, assessment = complete(client, picks=WORKED_EXAMPLE)
    assert assessment.overall_level == 2
    assert assessment.scoring_rule == ScoringRule.THEMES_WITH_REQUIREMENTS
    assert assessment.result["themes_median"]["level"] == 4
    html = client.get(url(token, "result/")).content.decode()
    assert SENTENCE in html
    text = main_of(html)
    assert "Rung 2: <strong>Rung 2</strong>" in text
    # The reasons: the answer that set the Paying people theme's rung.
    assert "Paying people: rung 2, Rung 2</h3> <p>Because you said:</p>" in text
    assert "“Paying people q1 answer 2”" in text
    # The rule it was scored under, with its requirement.
    assert "This is our rule 2, for results given from December 2026." in text
    assert (
        "To be above rung 2 (Rung 2), people must be paid for their time: the Paying people "
        "theme must be at least rung 3 (Rung 3)."
    ) in text


@pytest.mark.django_db
def test_without_requirements_the_overall_rung_is_the_median_of_the_themes(
    client, home_page, rungs
):
    make_pages(home_page, questionnaire_with(rungs, requirement=False))
    token, assessment = complete(client, picks=WORKED_EXAMPLE)
    assert assessment.overall_level == 4
    html = client.get(url(token, "result/")).content.decode()
    assert "Your themes put you at rung" not in html
    assert "This questionnaire had no rung requirements" in html


@pytest.mark.django_db
def test_a_result_keeps_its_rule_when_requirements_are_added_later(client, home_page, rungs):
    questionnaire = questionnaire_with(rungs, requirement=False)
    make_pages(home_page, questionnaire)
    token, assessment = complete(client, picks=WORKED_EXAMPLE)
    before = main_of(client.get(url(token, "result/")).content.decode())
    questionnaire_with(rungs, questionnaire=questionnaire)
    assert questionnaire.latest_version().number == 2
    assert main_of(client.get(url(token, "result/")).content.decode()) == before
    assessment.refresh_from_db()
    assert assessment.overall_level == 4


@pytest.mark.django_db
def test_a_result_from_before_requirements_renders_exactly_as_before(
    client, home_page, rungs, questionnaire
):
    """old_result.html was rendered by the code before rung requirements existed,
    from the stored result in old_result.json (tests/ladder/snapshots)."""
    make_pages(home_page, questionnaire)
    token = "t" * 43
    SelfAssessment.objects.create(
        token_hash=hash_token(token),
        version=questionnaire.latest_version(),
        status=SelfAssessment.Status.SUBMITTED,
        organisation_name="Northside Housing",
        scope_type="service",
        scope_name="Tenants' voice panel",
        took_part="colleagues",
        submitted_at=timezone.make_aware(datetime.datetime(2026, 11, 20, 10, 30)),
        # What migration 0011 gives every result already stored.
        scoring_rule=ScoringRule.ALL_ANSWERS,
        result=json.loads((SNAPSHOTS / "old_result.json").read_text()),
    )
    expected = main_of((SNAPSHOTS / "old_result.html").read_text()).replace("TOKEN", token)
    assert main_of(client.get(url(token, "result/")).content.decode()) == expected
    # Rung requirements published afterwards change nothing.
    questionnaire_with(rungs, questionnaire=questionnaire)
    assert main_of(client.get(url(token, "result/")).content.decode()) == expected


@pytest.mark.django_db
def test_the_ladder_page_and_start_page_say_what_each_rung_requires(client, home_page, rungs):
    make_pages(home_page, questionnaire_with(rungs))
    requirement = (
        "To be above rung 2 (Rung 2), people must be paid for their time: the Paying people "
        "theme must be at least rung 3 (Rung 3)."
    )
    for address in ("/ladder/", "/ladder/self-assessment/"):
        text = main_of(client.get(address).content.decode())
        assert "What each rung requires" in text
        assert requirement in text
