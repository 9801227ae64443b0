"""Taking the self-assessment again from a result: pre-filled, compared, chained."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from ladder.models import SelfAssessment
from tests.ladder.invitation_helpers import answer, make_invitation, make_partner
from tests.ladder.journey_helpers import ABOUT, answers_for, start, url
from tests.responses import text

pytestmark = pytest.mark.django_db


def send(client, picks=None, token=None):
    """Fill every step (or only those in ``picks`` when ``token`` is a retake) and send."""
    if token is None:
        token = start(client)
        assert client.post(url(token, "about/"), ABOUT).status_code == 302
    assessment = SelfAssessment.objects.for_token(token).get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        if picks is None or number in picks or token is None:
            pick = (picks or {}).get(number, 0)
            response = client.post(url(token, f"step/{number}/"), answers_for(theme, pick))
            assert response.status_code == 302, text(response)[:2000]
    response = client.post(url(token, "check/"))
    assert response.status_code == 302, text(response)[:3000]
    return token


def take_again(client, token):
    response = client.post(url(token, "again/"))
    assert response.status_code == 302, text(response)[:2000]
    assert response["Cache-Control"].startswith("no-store")
    new_token = re.search(r"/a/([A-Za-z0-9_-]+)/$", response["Location"]).group(1)
    assert new_token != token
    return new_token


def first_send(client):
    token = start(client)
    data = {**ABOUT, "contact_email": "me@example.org", "email_wish": "safe"}
    assert client.post(url(token, "about/"), data).status_code == 302
    assessment = SelfAssessment.objects.for_token(token).get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        client.post(url(token, f"step/{number}/"), answers_for(theme, 0))
    assert client.post(url(token, "check/")).status_code == 302
    return token


def test_taking_it_again_fills_in_the_earlier_answers_and_says_so(client, assessment_page):
    token = first_send(client)
    result = client.get(url(token, "result/"))
    assert "Take it again" in text(result)
    # It holds a form now, so it may send its own address to this site (and only this site).
    assert result["Referrer-Policy"] == "same-origin"
    assert f'action="{url(token, "again/")}"' in text(result)

    new_token = take_again(client, token)
    earlier = SelfAssessment.objects.for_token(token).get()
    draft = SelfAssessment.objects.for_token(new_token).get()
    assert draft.status == "draft"
    assert draft.previous == earlier
    assert draft.answers == earlier.answers
    assert (draft.organisation_name, draft.scope_name) == (
        "Northside Housing",
        "Tenants' voice panel",
    )
    assert draft.contact_email == ""  # contact details are asked again, not copied

    # Everything is answered, so the link leads to "check your answers".
    check = client.get(url(new_token, ""), follow=True)
    body = text(check)
    assert "Check your answers" in body
    assert "Taking it again" in body
    assert "Decisions q1 answer 3" in body
    step = text(client.get(url(new_token, "step/1/")))
    first_option = draft.version.themes[0]["questions"][0]["options"][0]["key"]
    assert re.search(rf'value="{first_option}"[^>]*checked', step)
    # The earlier result is untouched.
    assert SelfAssessment.objects.get(pk=earlier.pk).is_submitted


def test_the_new_result_shows_the_change_and_the_chain_of_earlier_results(client, assessment_page):
    token = send(client, picks={1: 0, 2: 0, 3: 0})
    second = take_again(client, token)
    send(client, picks={1: 2}, token=second)  # Decisions: rung 3 up to rung 5
    third = take_again(client, second)
    send(client, picks={}, token=third)

    result = text(client.get(url(second, "result/")))
    assert "Since your last result" in result
    row = re.search(r"<th scope=\"row\">Decisions</th>(.*?)</tr>", result, re.S).group(1)
    assert "Rung 3: Rung 3" in row and "Rung 5: Rung 5" in row and "Up" in row
    money = re.search(r"<th scope=\"row\">Money</th>(.*?)</tr>", result, re.S).group(1)
    assert "No change" in money
    assert "We changed how rungs are worked out" not in result

    latest = text(client.get(url(third, "result/")))
    assert "Your earlier results" in latest
    assert f'href="{url(third, "earlier/1/")}"' in latest
    assert f'href="{url(third, "earlier/2/")}"' in latest
    earlier = client.get(url(third, "earlier/2/"))
    assert earlier.status_code == 200
    assert earlier["Cache-Control"].startswith("no-store")
    assert earlier["Referrer-Policy"] == "no-referrer"
    assert "An earlier self-assessment result" in text(earlier)
    assert f'href="{url(third, "result/")}"' in text(earlier)
    # The first result has nothing before it; no chain reaches forward.
    first = text(client.get(url(token, "result/")))
    assert "Since your last result" not in first and "Your earlier results" not in first
    assert client.get(url(third, "earlier/3/")).status_code == 404
    assert client.get(url(token, "earlier/1/")).status_code == 404


def test_a_new_version_drops_answers_to_questions_no_longer_asked(
    client, assessment_page, questionnaire
):
    token = send(client)
    themes = questionnaire.themes
    del themes[2]  # "Feedback" is no longer asked
    questionnaire.themes = themes
    questionnaire.save()
    questionnaire.save_revision().publish()
    new_token = take_again(client, token)
    draft = SelfAssessment.objects.for_token(new_token).get()
    assert draft.version.number == 2
    assert len(draft.answers) == 4
    check = text(client.get(url(new_token, "check/")))
    assert "These questions are no longer asked" in check
    assert "Feedback: question 1?" in check
    client.post(url(new_token, "check/"))
    result = text(client.get(url(new_token, "result/")))
    assert "The questions changed between the two results" in result
    assert "No longer asked about: Feedback." in result


def test_the_comparison_says_when_the_scoring_rule_changed(client, assessment_page):
    token = send(client)
    SelfAssessment.objects.for_token(token).update(scoring_rule=1)
    new_token = take_again(client, token)
    client.post(url(new_token, "check/"))
    result = text(client.get(url(new_token, "result/")))
    assert "We changed how rungs are worked out" in result
    assert "Rule 1: the middle of all answers" in result


def test_only_a_sent_result_can_be_taken_again_and_only_by_post(client, assessment_page):
    token = start(client)
    assert client.post(url(token, "again/")).status_code == 404
    sent = send(client)
    assert client.get(url(sent, "again/")).status_code == 405
    assert client.post(url("x" * 30, "again/")).status_code == 404
    assert client.get(url(sent, "earlier/99/")).status_code == 404
    assert SelfAssessment.objects.count() == 2


def test_an_expired_draft_link_says_so_on_every_result_address(client, assessment_page):
    token = start(client)
    SelfAssessment.objects.update(updated_at=timezone.now() - timedelta(days=91))
    for step, method in [("again/", "post"), ("keep/", "post"), ("pdf/", "get")]:
        assert getattr(client, method)(url(token, step)).status_code == 410, step
    assert client.get(url(token, "earlier/1/")).status_code == 410


def test_an_invited_result_is_not_taken_again_from_its_link(client, home_page, assessment_page):
    invitation = make_invitation(make_partner(home_page))
    assessment = answer(client, invitation)
    result = text(client.get(url(assessment.token, "result/")))
    assert "Take it again" not in result
    assert client.post(url(assessment.token, "again/")).status_code == 404
