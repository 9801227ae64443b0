"""Keep it: with consent, the result's link by email, as the person's wishes allow;
the address goes after the retention period."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ladder.models import SelfAssessment
from tests.ladder.journey_helpers import ABOUT, answers_for, start, url
from tests.responses import text

pytestmark = pytest.mark.django_db

KEEP = {"contact_email": "sam@example.org", "email_wish": "safe", "consent": "on"}


def sent_with_phone(client):
    """A result whose "About you" allowed calls (and not email)."""
    token = start(client)
    about = {**ABOUT, "contact_phone": "07700 900 982", "call_wish": "private"}
    assert client.post(url(token, "about/"), about).status_code == 302
    assessment = SelfAssessment.objects.for_token(token).get()
    for number, theme in enumerate(assessment.version.themes, start=1):
        client.post(url(token, f"step/{number}/"), answers_for(theme))
    assert client.post(url(token, "check/")).status_code == 302
    return token


def test_the_link_is_emailed_with_consent_when_email_is_safe(
    client, assessment_page, django_capture_on_commit_callbacks
):
    token = sent_with_phone(client)
    result = text(client.get(url(token, "result/")))
    assert "Email me the link to this result" in result
    assert "We delete it 180 days after you ask" in result
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(token, "keep/"), KEEP)
    assert response.status_code == 302
    assert response["Location"].endswith(url(token, "result/") + "?kept=sent#keep-heading")
    (email,) = mail.outbox
    assert email.to == ["sam@example.org"]
    assert "the link to your self-assessment result" in email.subject
    assert f"http://testserver{url(token, 'result/')}" in email.body
    assessment = SelfAssessment.objects.for_token(token).get()
    assert assessment.email_ok and assessment.email_safe
    assert assessment.link_consented_at is not None
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}", assessment.reference)
    assert assessment.reference in email.body
    # The calls the person allowed on "About you" stay as they were.
    assert assessment.call_ok and assessment.contact_phone == "07700 900 982"
    shown = text(client.get(response["Location"]))
    assert "We have emailed you the link" in shown
    assert "sam@example.org" not in shown  # the link may be shared: never the address


def test_bad_input_is_shown_beside_the_field_keeps_what_was_typed_and_saves_nothing(
    client, assessment_page
):
    token = sent_with_phone(client)
    mail.outbox.clear()
    response = client.post(url(token, "keep/"), {"contact_email": "sam@", "email_wish": "safe"})
    assert response.status_code == 400
    body = text(response)
    assert "There is a problem" in body
    assert "Enter an email address in the right format" in body
    assert "Tick the box to agree we keep your email address" in body
    assert 'value="sam@"' in body
    assessment = SelfAssessment.objects.for_token(token).get()
    assert assessment.contact_email == "" and assessment.link_consented_at is None
    assert mail.outbox == []


def test_a_draft_has_nothing_to_keep_and_only_post_is_taken(client, assessment_page):
    token = start(client)
    response = client.post(url(token, "keep/"), KEEP)
    assert response.status_code == 302 and response["Location"].endswith("/check/")
    assert client.get(url(token, "keep/")).status_code == 405
    assert SelfAssessment.objects.get().contact_email == ""


def test_the_address_is_purged_after_the_retention_period_from_consent(
    client, assessment_page, django_capture_on_commit_callbacks
):
    token = sent_with_phone(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(token, "keep/"), KEEP)
    assessment = SelfAssessment.objects.for_token(token).get()
    # Started long ago, but asked for the link recently: kept.
    SelfAssessment.objects.filter(pk=assessment.pk).update(
        created_at=timezone.now() - timedelta(days=400)
    )
    call_command("purge_personal_data", stdout=io.StringIO())
    assessment.refresh_from_db()
    assert assessment.contact_email == "sam@example.org"
    later = (timezone.now() + timedelta(days=181)).isoformat()
    call_command("purge_personal_data", now=later, stdout=io.StringIO())
    assessment.refresh_from_db()
    assert assessment.contact_email == "" and assessment.contact_phone == ""
    assert assessment.is_submitted  # the anonymous result stays
