"""The ladder pages: tree rules, the ladder visual, and fixed query counts."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from ladder.models import (
    LadderPage,
    Rung,
    SelfAssessmentPage,
)
from tests.ladder.factories import make_pages, make_rungs, publish_questionnaire, theme_data
from tests.ladder.journey_helpers import complete, start, url


class LadderPageTreeTests(WagtailPageTestCase):
    def test_ladder_page_sits_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(LadderPage, {HomePage})
        self.assertAllowedSubpageTypes(LadderPage, {SelfAssessmentPage})
        self.assertCanCreateAt(HomePage, LadderPage)
        assert LadderPage.max_count == 1

    def test_self_assessment_page_sits_under_the_ladder_page_once(self):
        self.assertAllowedParentPageTypes(SelfAssessmentPage, {LadderPage})
        self.assertAllowedSubpageTypes(SelfAssessmentPage, set())
        self.assertCanCreateAt(LadderPage, SelfAssessmentPage)
        assert SelfAssessmentPage.max_count == 1


@pytest.mark.django_db
def test_the_ladder_is_an_ordered_list_top_rung_first_with_words_not_only_colour(
    client, ladder_page
):
    response = client.get("/ladder/")
    assert response.status_code == 200
    body = response.content.decode()
    ladder = re.search(r'<ol class="ladder" reversed.*?</ol>', body, re.S).group(0)
    names = re.findall(r"Rung (\d): Rung \d", ladder)
    assert names == [str(n) for n in range(8, 0, -1)]
    assert "Shared power" in ladder and "Not participation" in ladder
    assert 'aria-hidden="true"' in ladder  # the colour swatch is decoration only
    assert 'href="/ladder/self-assessment/"' in body
    assert "Take the self-assessment" in body


@pytest.mark.django_db
def test_rung_details_show_in_practice_and_how_to_climb(client, ladder_page):
    rung = Rung.objects.get(level=2)
    rung.in_practice = "<p>We tick a box.</p>"
    rung.save()
    body = client.get("/ladder/").content.decode()
    assert "We tick a box." in body
    assert "How to climb to the next rung" in body


def build_site(home_page, rung_count, themes, questions):
    rungs = make_rungs(rung_count)
    questionnaire = publish_questionnaire(
        themes=[
            theme_data(f"Theme {n}", rungs, questions=questions, options=min(4, rung_count))
            for n in range(1, themes + 1)
        ]
    )
    return make_pages(home_page, questionnaire)


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def page_costs(client):
    client.get("/")  # the first request creates the site settings rows
    token, _ = complete(client)
    draft = start(client)
    paths = {
        "ladder": "/ladder/",
        "start": "/ladder/self-assessment/",
        "blank": "/ladder/self-assessment/blank/",
        "about": url(draft, "about/"),
        "step": url(draft, "step/1/"),
        "check": url(draft, "check/"),
        "result": url(token, "result/"),
    }
    return {name: count_queries(client, path) for name, path in paths.items()}


# Queries per page, whatever the size of the ladder and questionnaire. About
# half are the site's own (site, page routing, settings, navigation); "about"
# adds the list of partners to choose from.
BUDGET = {
    "ladder": 16,  # 3 for "where our network stands", 1 for the rung requirements
    "start": 12,
    "blank": 12,
    "about": 13,  # one fewer since the partner select is rendered by its widget
    "step": 11,
    "check": 11,
    "result": 11,
}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("rung_count", "themes", "questions"),
    [(4, 1, 3), (12, 6, 5)],
    ids=["3-questions", "30-questions"],
)
def test_public_pages_use_a_fixed_number_of_queries(
    client, home_page, rung_count, themes, questions
):
    """The same queries with 3 questions on 4 rungs as with 30 questions on 12 rungs."""
    build_site(home_page, rung_count, themes, questions)
    assert page_costs(client) == BUDGET
