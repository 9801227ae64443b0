import pytest

from tests.conftest import make_user
from tests.ladder.factories import make_pages, make_rungs, publish_questionnaire, theme_data


@pytest.fixture
def rungs(db):
    return make_rungs(8)


def make_questionnaire(rungs):
    """Three themes over the eight rungs, published."""
    return publish_questionnaire(
        themes=[
            theme_data("Decisions", rungs[2:6], advice=[(rungs[2], "<p>Decide together.</p>")]),
            theme_data("Money", rungs[1:5]),
            theme_data("Feedback", rungs[3:8], questions=1),
        ]
    )


@pytest.fixture
def questionnaire(rungs):
    return make_questionnaire(rungs)


@pytest.fixture
def pages(home_page, questionnaire):
    return make_pages(home_page, questionnaire)


@pytest.fixture
def ladder_page(pages):
    return pages[0]


@pytest.fixture
def assessment_page(pages):
    return pages[1]


@pytest.fixture
def ladder_manager(db, django_user_model):
    return make_user(django_user_model, "ladder-manager", ["Ladder managers"])


@pytest.fixture
def manager_client(client, ladder_manager):
    client.force_login(ladder_manager)
    return client
