"""Ladder managers build the questionnaire in the admin, with real block names."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from ladder.models import Questionnaire, SelfAssessment
from tests.conftest import make_user
from tests.ladder.journey_helpers import ABOUT, START_URL, start, url

pytestmark = pytest.mark.django_db


def list_block(items):
    """ListBlock form data: count, and per item its value, order, deleted flag and id."""
    data = {"count": str(len(items))}
    for index, item in enumerate(items):
        data[str(index)] = {"value": item, "order": str(index), "deleted": "", "id": ""}
    return data


def option(label, rung):
    return {"label": label, "rung": str(rung.pk) if rung else ""}


def question(text, options, allow_na=True):
    data = {"text": text, "help_text": "", "options": list_block(options)}
    if allow_na:
        data["allow_not_applicable"] = "on"
    return data


def theme(name, questions, advice=(), requirements=()):
    return {
        "name": name,
        "introduction": f"About {name}.",
        "questions": list_block(questions),
        "advice": list_block(
            [{"rung": str(rung.pk), "advice": rich_text(text)} for rung, text in advice]
        ),
        "requirements": list_block(
            [
                {"above": str(above.pk), "at_least": str(at_least.pk), "plain_words": words}
                for above, at_least, words in requirements
            ]
        ),
    }


def form(title, themes, publish=True):
    data = nested_form_data({"title": title, "themes": streamfield([("theme", t) for t in themes])})
    if publish:
        data["action-publish"] = "action-publish"
    return data


def test_a_ladder_manager_builds_a_theme_and_it_appears_in_the_next_journey(
    manager_client, client, assessment_page, questionnaire, rungs
):
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    new_theme = theme(
        "Paying people",
        [
            question(
                "When do you pay people?",
                [
                    option("Weeks later, after forms", rungs[1]),
                    option("On the day, in cash or by transfer", rungs[4]),
                    option("They set the rate with us", rungs[7]),
                ],
            ),
            question(
                "Who decides the rate?",
                [option("We do", rungs[2]), option("We agree it together", rungs[6])],
                allow_na=False,
            ),
        ],
        advice=[(rungs[1], "<p>Pay on the day.</p>")],
    )
    response = manager_client.post(edit_url, form("Self-assessment", [new_theme]))
    assert response.status_code == 302, response.content.decode()[:3000]
    questionnaire.refresh_from_db()
    version = questionnaire.latest_version()
    assert version.number == 2
    assert [t["name"] for t in version.themes] == ["Paying people"]
    assert "Pay on the day." in version.themes[0]["advice"][str(rungs[1].pk)]
    assert version.themes[0]["questions"][1]["allow_not_applicable"] is False

    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    step = client.get(url(token, "step/1/")).content.decode()
    assert "Paying people" in step
    assert "On the day, in cash or by transfer" in step
    assert "Step 2 of 3" in step
    assert SelfAssessment.objects.get().version == version


def test_saving_a_draft_does_not_change_the_journey(manager_client, questionnaire, rungs):
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    draft = theme("Draft only", [question("Q?", [option("A", rungs[0]), option("B", rungs[1])])])
    response = manager_client.post(edit_url, form("Self-assessment", [draft], publish=False))
    assert response.status_code == 302
    assert questionnaire.latest_version().number == 1


def test_an_option_without_a_rung_is_refused_beside_it(manager_client, rungs):
    data = form(
        "New questionnaire",
        [
            theme(
                "Decisions",
                [question("Who decides?", [option("We do", rungs[0]), option("Nobody", None)])],
            )
        ],
    )
    response = manager_client.post(reverse("wagtailsnippets_ladder_questionnaire:add"), data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_a_question_with_fewer_than_two_answers_is_refused_with_a_plain_message(
    manager_client, rungs
):
    data = form(
        "New questionnaire",
        [theme("Decisions", [question("Who decides?", [option("We do", rungs[0])])])],
    )
    response = manager_client.post(reverse("wagtailsnippets_ladder_questionnaire:add"), data)
    assert response.status_code == 200
    assert "Add at least two answers, each matched to a rung" in response.content.decode()
    assert not Questionnaire.objects.exists()


def paying_theme(rungs, requirements):
    return theme(
        "Paying people",
        [
            question(
                "When do you pay people?",
                [option("Later", rungs[1]), option("On the day", rungs[4])],
            )
        ],
        requirements=requirements,
    )


def test_a_ladder_manager_sets_a_rung_requirement_and_it_is_frozen_in_the_next_version(
    manager_client, client, assessment_page, questionnaire, rungs
):
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    paid = (rungs[1], rungs[2], "people must be paid for their time")
    draft = form("Self-assessment", [paying_theme(rungs, [paid])], publish=False)
    assert manager_client.post(edit_url, draft).status_code == 302
    # A draft changes nothing people see.
    assert questionnaire.latest_version().number == 1
    assert "people must be paid" not in client.get(START_URL).content.decode()
    response = manager_client.post(edit_url, form("Self-assessment", [paying_theme(rungs, [paid])]))
    assert response.status_code == 302
    version = questionnaire.latest_version()
    assert version.number == 2
    assert version.themes[0]["requirements"] == [
        {
            "above_rung_id": rungs[1].pk,
            "at_least_rung_id": rungs[2].pk,
            "plain_words": "people must be paid for their time",
        }
    ]
    assert (
        "To be above rung 2 (Rung 2), people must be paid for their time: the Paying people "
        "theme must be at least rung 3 (Rung 3)."
    ) in " ".join(client.get(START_URL).content.decode().split())


def test_two_requirements_for_the_same_rung_in_a_theme_are_refused(
    manager_client, questionnaire, rungs
):
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    twice = [(rungs[1], rungs[2], "pay people"), (rungs[1], rungs[3], "pay them well")]
    response = manager_client.post(edit_url, form("Self-assessment", [paying_theme(rungs, twice)]))
    assert response.status_code == 200
    assert "each &#x27;to be above&#x27; rung once only" in response.content.decode()
    assert questionnaire.latest_version().number == 1


def test_editors_cannot_change_the_questionnaire(client, django_user_model, questionnaire, rungs):
    client.force_login(make_user(django_user_model, "ed", ["Editors"]))
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    assert client.get(edit_url).status_code in (302, 403)
    draft = theme("Hijack", [question("Q?", [option("A", rungs[0]), option("B", rungs[1])])])
    response = client.post(edit_url, form("Self-assessment", [draft]))
    assert response.status_code in (302, 403)
    assert questionnaire.latest_version().number == 1
    add = client.post(reverse("wagtailsnippets_ladder_questionnaire:add"), form("Other", [draft]))
    assert add.status_code in (302, 403)
    assert Questionnaire.objects.count() == 1


def test_the_questionnaire_editor_loads_for_a_ladder_manager(manager_client, questionnaire):
    edit_url = reverse("wagtailsnippets_ladder_questionnaire:edit", args=(questionnaire.pk,))
    response = manager_client.get(edit_url)
    assert response.status_code == 200
    assert "Decisions" in response.content.decode()


def test_start_page_says_not_ready_when_no_version_is_published(client, assessment_page):
    assessment_page.questionnaire = None
    assessment_page.save_revision().publish()
    body = client.get(START_URL).content.decode()
    assert "Start now" not in body
