"""Team results follow the same rule, keep the rule they were given under, and say
so beside any comparison with an assessment scored under another rule."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from ladder.choices import ScoringRule
from ladder.models import Invitation, Publication, SelfAssessment
from tests.ladder.factories import publish_questionnaire, theme_data
from tests.ladder.invitation_helpers import answer, lead_url, make_invitation, make_partner
from tests.responses import text

pytestmark = pytest.mark.django_db

# Decisions offers rungs 3, 4, 5; Money 2, 3, 4; Feedback 4, 5, 6 (see conftest).
# These picks put each person's themes at 5, 2 and 6.
LOW_MONEY = {1: 2, 2: 0, 3: 2}
SENTENCE = (
    "Your themes put you at rung 5. You are shown at rung 3 because, to be above rung 3, "
    "people must be paid for their time (your Money theme is at rung 2)."
)


def add_money_requirement(questionnaire, rungs):
    """Publish the conftest questionnaire again, with: to be above rung 3, Money at least 4."""
    publish_questionnaire(
        questionnaire,
        themes=[
            theme_data("Decisions", rungs[2:6], advice=[(rungs[2], "<p>Decide together.</p>")]),
            theme_data(
                "Money",
                rungs[1:5],
                requirements=[(rungs[2], rungs[3], "people must be paid for their time")],
            ),
            theme_data("Feedback", rungs[3:8], questions=1),
        ],
    )


def one_line(response):
    return " ".join(text(response).split())


def test_a_team_result_is_capped_and_says_why_like_a_single_result(
    client, home_page, assessment_page, questionnaire, rungs
):
    add_money_requirement(questionnaire, rungs)
    invitation = make_invitation(make_partner(home_page))
    answer(Client(), invitation, relation="staff", pick=LOW_MONEY)
    answer(Client(), invitation, relation="community", pick=LOW_MONEY)
    body = one_line(client.get(lead_url(invitation)))
    assert "Rung 3: <strong>Rung 3</strong>" in body
    assert SENTENCE in body
    assert (
        "To be above rung 3 (Rung 3), people must be paid for their time: the Money theme "
        "must be at least rung 4 (Rung 4)."
    ) in body


def test_a_team_whose_answers_were_all_given_under_rule_1_keeps_it(
    client, home_page, assessment_page, questionnaire
):
    invitation = make_invitation(make_partner(home_page))
    answer(Client(), invitation, relation="staff", pick=LOW_MONEY)
    SelfAssessment.objects.update(scoring_rule=ScoringRule.ALL_ANSWERS)
    body = one_line(client.get(lead_url(invitation)))
    assert "under our earlier rule (rule 1)" in body
    assert "middle one of every answer everyone gave" in body


def test_a_rule_change_is_noted_beside_the_comparison(
    client, home_page, assessment_page, questionnaire, rungs
):
    partner = make_partner(home_page)
    first = make_invitation(partner)
    answer(Client(), first, pick=LOW_MONEY)
    SelfAssessment.objects.update(scoring_rule=ScoringRule.ALL_ANSWERS)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=400))
    add_money_requirement(questionnaire, rungs)
    second = make_invitation(partner)
    answer(Client(), second, pick=LOW_MONEY)
    body = one_line(client.get(lead_url(second)))
    assert "Change since your last assessment of this service" in body
    assert "The rule for working out the overall rung changed between these two assessments" in (
        body
    )
    # The earlier invitation keeps its rule-1 rung: all answers 5 5 2 2 6 -> 5.
    first_body = one_line(client.get(lead_url(first)))
    assert "Rung 5: <strong>Rung 5</strong>" in first_body
    assert "rule changed" not in first_body


def test_no_note_when_the_rule_did_not_change(client, home_page, assessment_page):
    partner = make_partner(home_page)
    first = make_invitation(partner)
    answer(Client(), first, pick=0)
    Invitation.objects.filter(pk=first.pk).update(created_at=timezone.now() - timedelta(days=400))
    second = make_invitation(partner)
    answer(Client(), second, pick=2)
    body = one_line(client.get(lead_url(second)))
    assert "Change since your last assessment of this service" in body
    assert "rule changed" not in body


def test_a_rung_published_under_the_earlier_rule_keeps_it_and_says_so(
    client, home_page, assessment_page
):
    partner = make_partner(home_page)
    invitation = make_invitation(partner)
    answer(Client(), invitation, relation="staff", pick=2)
    SelfAssessment.objects.update(scoring_rule=ScoringRule.ALL_ANSWERS)
    assert client.post(lead_url(invitation), {"action": "request"}).status_code == 302
    publication = Publication.objects.get()
    assert publication.scoring_rule == ScoringRule.ALL_ANSWERS
    # Approved (the moderation flow has its own tests).
    Publication.objects.update(status=Publication.Status.APPROVED, decided_at=timezone.now())
    profile = one_line(client.get(partner.url))
    assert "Worked out under our earlier rule (rule 1: the middle of all answers)" in profile
    publication.scoring_rule = ScoringRule.THEMES_WITH_REQUIREMENTS
    publication.save()
    assert "earlier rule" not in one_line(client.get(partner.url))


def test_team_reasons_name_the_answers_at_the_combined_rung_and_never_who(
    client, home_page, assessment_page, questionnaire
):
    invitation = make_invitation(make_partner(home_page))
    answer(Client(), invitation, relation="staff", pick=2, about={"name": "Sam Staff"})
    answer(Client(), invitation, relation="community", pick=0, about={"name": "Kim Member"})
    body = one_line(client.get(lead_url(invitation)))
    # Two people: nobody's answers can be read off.
    assert "We show the answers once at least 3 people have answered this theme" in body
    assert "Decisions q1 answer 5" not in body and "Decisions q1 answer 3" not in body

    answer(Client(), invitation, relation="community", pick=2, about={"name": "Lee Member"})
    body = one_line(client.get(lead_url(invitation)))
    # Decisions: people at 5, 3, 5 -> combined rung 5, set by the answers at rung 5.
    assert "Decisions: rung 5, Rung 5</h3> <ul>" in body
    assert '“Decisions q1 answer 5” <span class="hint">(to “Decisions: question 1?”)</span>' in body
    assert "Decisions q1 answer 3" not in body  # the lower answer did not set the rung
    for name in ("Sam Staff", "Kim Member", "Lee Member"):
        assert name not in body


def test_people_invited_see_the_requirements_before_they_begin(
    client, home_page, assessment_page, questionnaire, rungs
):
    add_money_requirement(questionnaire, rungs)
    invitation = make_invitation(make_partner(home_page))
    body = one_line(client.get(f"/ladder/self-assessment/i/{invitation.answer_token}/"))
    assert "What each rung requires" in body
    assert "To be above rung 3 (Rung 3), people must be paid for their time" in body
