"""Publishing the questionnaire makes versions; versions freeze its structure."""

from ladder.models import QuestionnaireVersion
from tests.ladder.factories import publish_questionnaire, theme_data


def test_publishing_makes_the_first_version_with_stable_keys(questionnaire, rungs):
    version = questionnaire.latest_version()
    assert version.number == 1
    names = [theme["name"] for theme in version.themes]
    assert names == ["Decisions", "Money", "Feedback"]
    question = version.themes[0]["questions"][0]
    assert question["text"] == "Decisions: question 1?"
    assert [o["rung_id"] for o in question["options"]] == [r.pk for r in rungs[2:5]]
    assert all(o["key"] for o in question["options"])
    assert version.themes[0]["advice"] == {str(rungs[2].pk): "<p>Decide together.</p>"}


def test_republishing_unchanged_makes_no_new_version(questionnaire):
    questionnaire.save_revision().publish()
    assert QuestionnaireVersion.objects.filter(questionnaire=questionnaire).count() == 1


def test_publishing_a_change_makes_a_new_version_and_keeps_the_old(questionnaire, rungs):
    old = questionnaire.latest_version()
    publish_questionnaire(questionnaire, themes=[theme_data("Only theme", rungs)])
    new = questionnaire.latest_version()
    assert new.number == 2
    assert [t["name"] for t in new.themes] == ["Only theme"]
    old.refresh_from_db()
    assert [t["name"] for t in old.themes] == ["Decisions", "Money", "Feedback"]


def test_saving_a_draft_makes_no_version(questionnaire, rungs):
    questionnaire.themes = questionnaire.themes  # unchanged object, new draft revision
    questionnaire.save_revision()
    assert questionnaire.versions.count() == 1
