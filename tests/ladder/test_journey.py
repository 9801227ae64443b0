"""The self-assessment journey, step by step, through the public pages."""

import re

import pytest
from django.test import Client

from home.models import SiteSettings
from ladder.models import Answer, SelfAssessment, ThemeResult
from tests.ladder.factories import publish_questionnaire, theme_data
from tests.ladder.journey_helpers import ABOUT, START_URL, answers_for, complete, start, url
from tests.responses import text

pytestmark = pytest.mark.django_db


def test_start_page_explains_and_offers_a_blank_questionnaire(client, assessment_page):
    response = client.get(START_URL)
    assert response.status_code == 200
    body = text(response)
    assert "3 themes, one on each page" in body
    assert "Start now" in body
    blank = client.get(START_URL + "blank/")
    assert blank.status_code == 200
    assert "Decisions: question 1?" in text(blank)
    assert "Not applicable, or I don&#x27;t know" in text(blank)


def test_starting_makes_a_draft_pinned_to_the_current_version_storing_only_a_hash(
    client, assessment_page, questionnaire
):
    token = start(client)
    assessment = SelfAssessment.objects.get()
    assert assessment.version == questionnaire.latest_version()
    assert assessment.status == "draft"
    assert token not in assessment.token_hash
    assert len(assessment.token_hash) == 64


def test_every_step_in_order_with_progress_and_back_links(client, assessment_page):
    token = start(client)
    about = client.get(url(token, "about/"))
    assert "Step 1 of 5" in text(about)
    assert f'href="{START_URL}"' in text(about)
    assert about["Cache-Control"].startswith("no-store")
    # Not no-referrer: browsers would then send "Origin: null" and fail CSRF.
    assert about["Referrer-Policy"] == "same-origin"
    response = client.post(url(token, "about/"), ABOUT)
    assert response["Location"] == url(token, "step/1/")
    step1 = client.get(url(token, "step/1/"))
    assert "Step 2 of 5" in text(step1)
    assert "Decisions" in text(step1)
    assert f'href="{url(token, "about/")}"' in text(step1)
    themes = SelfAssessment.objects.get().version.themes
    response = client.post(url(token, "step/1/"), answers_for(themes[0]))
    assert response["Location"] == url(token, "step/2/")
    step2 = client.get(url(token, "step/2/"))
    assert f'href="{url(token, "step/1/")}"' in text(step2)
    client.post(url(token, "step/2/"), answers_for(themes[1]))
    response = client.post(url(token, "step/3/"), answers_for(themes[2]))
    assert response["Location"] == url(token, "check/")
    check = client.get(url(token, "check/"))
    assert "Step 5 of 5" in text(check)
    assert "Northside Housing" in text(check)
    assert "Decisions q1 answer 3" in text(check)


def test_about_step_errors_sit_beside_fields_and_keep_what_was_typed(client, assessment_page):
    token = start(client)
    data = {**ABOUT, "organisation_name": "", "scope_name": "", "contact_email": "not-an-email"}
    data["role"] = "Chair of the panel"
    response = client.post(url(token, "about/"), data)
    assert response.status_code == 400
    body = text(response)
    assert "There is a problem" in body
    assert "Choose your organisation from the list, or type its name" in body
    assert "Enter the name of the service, team or project" in body
    assert "Enter an email address in the right format" in body
    assert 'value="Chair of the panel"' in body
    assert 'href="#id_scope_name"' in body
    assessment = SelfAssessment.objects.get()
    assert assessment.role == ""


@pytest.mark.parametrize(
    "partner", ["99999999999999999999", "-1", "1e5", "12 ", "0x1f", "\u0661", "99999999999"]
)
def test_a_partner_id_no_database_could_hold_gets_a_field_error(client, assessment_page, partner):
    """An id that would overflow the database's integers (a server error, once)
    is refused beside the field like any other wrong choice; the rest is kept."""
    token = start(client)
    response = client.post(url(token, "about/"), {**ABOUT, "partner": partner})
    assert response.status_code == 400
    body = text(response)
    assert "Choose your organisation from the list" in body
    assert 'href="#id_partner"' in body
    assert "Involvement lead" in body
    assert SelfAssessment.objects.get().role == ""


def test_unanswered_questions_get_an_error_on_the_same_step_and_keep_answers(
    client, assessment_page
):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    theme = SelfAssessment.objects.get().version.themes[0]
    first_question = theme["questions"][0]
    chosen = first_question["options"][1]["key"]
    response = client.post(
        url(token, "step/1/"),
        {f"q-{first_question['key']}": chosen, "evidence": "We ran a workshop."},
    )
    assert response.status_code == 400
    body = text(response)
    assert "Choose an answer to this question" in body
    assert re.search(rf'value="{chosen}"[^>]* checked>', body)
    assert "We ran a workshop." in body
    assert SelfAssessment.objects.get().answers == {}


def test_a_forged_answer_is_refused(client, assessment_page):
    token = start(client)
    theme = SelfAssessment.objects.get().version.themes[0]
    data = answers_for(theme)
    data[f"q-{theme['questions'][0]['key']}"] = "made-up"
    response = client.post(url(token, "step/1/"), data)
    assert response.status_code == 400
    assert "Choose one of the answers shown" in text(response)


def test_resume_from_another_browser_by_token(client, assessment_page):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    theme = SelfAssessment.objects.get().version.themes[0]
    client.post(url(token, "step/1/"), answers_for(theme, pick=2))

    other = Client()
    response = other.get(url(token))
    assert response.status_code == 302
    assert response["Location"] == url(token, "step/2/")
    step1 = other.get(url(token, "step/1/"))
    chosen = theme["questions"][0]["options"][2]["key"]
    assert re.search(rf'value="{chosen}"[^>]* checked>', text(step1))
    assert url(token) in text(step1)  # the link to copy is on every step


def test_a_wrong_or_malformed_token_is_not_found(client, assessment_page):
    start(client)
    assert client.get(url("x" * 43)).status_code == 404
    assert client.get(url("x" * 43, "result/")).status_code == 404
    assert client.get(START_URL + "a/%00/").status_code == 404
    assert client.get(url("x" * 43, "step/1/")).status_code == 404


def test_a_step_number_out_of_range_is_not_found(client, assessment_page):
    token = start(client)
    assert client.get(url(token, "step/0/")).status_code == 404
    assert client.get(url(token, "step/4/")).status_code == 404


def test_check_answers_change_link_returns_to_check(client, assessment_page):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    themes = SelfAssessment.objects.get().version.themes
    for number, theme in enumerate(themes, start=1):
        client.post(url(token, f"step/{number}/"), answers_for(theme))
    check = text(client.get(url(token, "check/")))
    assert f'href="{url(token, "step/2/")}?change=1"' in check
    change = client.get(url(token, "step/2/") + "?change=1")
    assert "Save and go back to your answers" in text(change)
    data = {**answers_for(themes[1], pick=2), "change": "1"}
    response = client.post(url(token, "step/2/") + "?change=1", data)
    assert response["Location"] == url(token, "check/")
    assert "Money q1 answer 4" in text(client.get(url(token, "check/")))
    response = client.post(url(token, "about/"), {**ABOUT, "scope_name": "Repairs", "change": "1"})
    assert response["Location"] == url(token, "check/")


def test_submitting_with_missing_answers_is_refused_with_links(client, assessment_page):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    response = client.post(url(token, "check/"))
    assert response.status_code == 400
    body = text(response)
    assert "Answer every question about Decisions" in body
    assert f'href="{url(token, "step/1/")}?change=1"' in body
    assert SelfAssessment.objects.get().status == "draft"


def test_the_result_scores_snapshots_and_is_private(client, assessment_page, rungs):
    # Decisions options map to rungs 3,4,5; Money 2,3,4; Feedback 4,5,6.
    # Pick option 2 in Decisions (rung 5 twice), option 0 elsewhere.
    token, assessment = complete(client, picks={1: 2})
    assert assessment.status == "submitted"
    theme_levels = list(
        ThemeResult.objects.filter(assessment=assessment).values_list("rung_level", flat=True)
    )
    assert theme_levels == [5, 2, 4]
    # All five answers: 5, 5, 2, 2, 4 -> median 4.
    assert assessment.overall_level == 4
    assert assessment.overall_rung == rungs[3]
    assert Answer.objects.filter(assessment=assessment).count() == 5
    assert assessment.result["version"] == 1

    response = client.get(url(token, "result/"))
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("no-store")
    # It holds the "Take it again" form, so same-origin (home.private_pages).
    assert response["Referrer-Policy"] == "same-origin"
    body = text(response)
    assert "Rung 4: <strong>Rung 4</strong>" in body
    assert 'aria-current="true"' in body
    assert "<svg" in body and "<table" in body
    # Strengths: Decisions (5) is above overall (4).
    assert "<strong>Decisions</strong>: rung 5" in body
    # Advice: theme-specific advice is for rung 3, so Decisions at 5 uses the rung's own.
    assert "Climb from rung 5." in body
    assert "Climb from rung 2." in body
    assert "the lower of the two middle ones" in body
    # Submitted: steps now lead to the result and cannot change it.
    assert client.get(url(token, "step/1/"))["Location"] == url(token, "result/")
    assert client.get(url(token))["Location"] == url(token, "result/")


def test_theme_specific_advice_replaces_the_rungs_advice(client, assessment_page):
    token, _ = complete(client)  # Decisions at rung 3, which has its own advice
    body = text(client.get(url(token, "result/")))
    assert "Decide together." in body
    assert "Climb from rung 3." not in body
    assert "Climb from rung 2." in body  # Money has no advice of its own


def test_not_applicable_everywhere_gives_no_rung(client, assessment_page):
    token, assessment = complete(client, picks={1: "na", 2: "na", 3: "na"})
    assert assessment.overall_rung is None
    body = text(client.get(url(token, "result/")))
    assert "there is no overall rung" in body


def test_the_result_survives_later_edits_to_rungs_and_questionnaire(
    client, assessment_page, questionnaire, rungs
):
    token, assessment = complete(client)
    rungs[2].name = "Renamed rung"
    rungs[2].save()
    publish_questionnaire(questionnaire, themes=[theme_data("Brand new", rungs)])
    body = text(client.get(url(token, "result/")))
    assert "Rung 3" in body and "Renamed rung" not in body
    assert "Decisions: question 1?" in body and "Brand new" not in body


def test_an_edit_published_mid_journey_does_not_disturb_it(
    client, assessment_page, questionnaire, rungs
):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    old_themes = SelfAssessment.objects.get().version.themes
    client.post(url(token, "step/1/"), answers_for(old_themes[0]))

    publish_questionnaire(questionnaire, themes=[theme_data("Brand new", rungs, questions=4)])

    step2 = text(client.get(url(token, "step/2/")))
    assert "Money" in step2 and "Brand new" not in step2
    for number, theme in enumerate(old_themes[1:], start=2):
        assert client.post(url(token, f"step/{number}/"), answers_for(theme)).status_code == 302
    assert client.post(url(token, "check/")).status_code == 302
    assessment = SelfAssessment.objects.get()
    assert assessment.version.number == 1
    assert [t["name"] for t in assessment.result["themes"]] == ["Decisions", "Money", "Feedback"]
    # A new journey starts on the new version.
    start(client)
    assert SelfAssessment.objects.order_by("-pk").first().version.number == 2


def test_closed_self_assessment_refuses_to_start_but_drafts_carry_on(client, assessment_page):
    token = start(client)
    settings = SiteSettings.load()
    settings.self_assessment_open = False
    settings.save()
    page = client.get(START_URL)
    assert "closed for now" in text(page)
    assert "Start now" not in text(page)
    assert client.post(START_URL, {"website_url": ""}).status_code == 409
    assert SelfAssessment.objects.count() == 1
    assert client.get(url(token, "about/")).status_code == 200


def test_honeypot_saves_nothing(client, assessment_page):
    response = client.post(START_URL, {"website_url": "http://spam.example"})
    assert response.status_code == 200
    assert SelfAssessment.objects.count() == 0


def test_starting_is_rate_limited_per_address(client, assessment_page):
    from django.core.cache import cache

    cache.clear()
    for _ in range(10):
        start(client)
    response = client.post(START_URL, {"website_url": ""})
    assert response.status_code == 429
    assert "We could not take this form just now" in text(response)
    assert SelfAssessment.objects.count() == 10
    other = client.post(START_URL, {"website_url": ""}, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302
    cache.clear()


def test_no_public_page_shows_an_email_or_another_result(client, assessment_page, ladder_page):
    token, assessment = complete(client)
    assessment.contact_email = "secret@example.org"
    assessment.save()
    for path in ["/", "/ladder/", START_URL, START_URL + "blank/"]:
        body = text(client.get(path))
        assert "secret@example.org" not in body
        assert "Northside Housing" not in body
    # The result page itself never shows the email either.
    assert "secret@example.org" not in text(client.get(url(token, "result/")))


def test_csrf_is_enforced_on_every_post(assessment_page):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(START_URL, {"website_url": ""}).status_code == 403


def test_choosing_another_questionnaire_on_the_page_does_not_break_a_draft(
    client, assessment_page, rungs
):
    token = start(client)
    client.post(url(token, "about/"), ABOUT)
    other = publish_questionnaire(themes=[theme_data("Other", rungs)], title="Another one")
    assessment_page.questionnaire = other
    assessment_page.save_revision().publish()
    step = client.get(url(token, "step/1/"))
    assert step.status_code == 200
    assert "Decisions" in text(step)


def test_an_old_draft_link_expires_with_a_clear_message_but_results_do_not(client, assessment_page):
    from datetime import timedelta

    from django.utils import timezone

    draft = start(client)
    long_ago = timezone.now() - timedelta(days=91)
    SelfAssessment.objects.update(updated_at=long_ago)
    for step in ["", "about/", "step/1/", "check/", "result/"]:
        response = client.get(url(draft, step))
        assert response.status_code == 410, step
        assert "This link has expired" in text(response)
        assert response["Cache-Control"].startswith("no-store")
    assert client.post(url(draft, "about/"), ABOUT).status_code == 410

    SelfAssessment.objects.all().delete()
    token, assessment = complete(client)
    SelfAssessment.objects.filter(pk=assessment.pk).update(updated_at=long_ago)
    assert client.get(url(token, "result/")).status_code == 200
