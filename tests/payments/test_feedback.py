"""What participants say: asked after their last session through a private
link; answer, change for 30 days; "Not yet" asked once more a week later and
the team told; nothing kept without consent."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.models import SiteSettings
from payments.feedback.services import ask_after_last_sessions, ask_again_about_not_paid
from payments.models import Feedback
from tests.payments.helpers import past_opportunity, selected

pytestmark = pytest.mark.django_db

ANSWERS = {
    "been_paid": "not_yet",
    "expenses_on_time": "yes",
    "as_described": "partly",
    "listened_to": "yes",
    "told_what_changed": "too_early",
    "comment": "The room was cold.",
}


@pytest.fixture
def team_inbox(db):
    site_settings = SiteSettings.load()
    site_settings.notification_email = "team@example.org"
    site_settings.save()


def link_in(message):
    (line,) = [word for word in message.body.split() if "/feedback/" in word]
    return line[line.index("/feedback/") :]


def ask(home_page, capture, **person):
    page = past_opportunity(home_page, title="Redesign the ward")
    record = selected(page, **person)[0]
    with capture(execute=True):
        asked = ask_after_last_sessions()
    return record, asked


def test_asked_once_after_the_last_session_only(home_page, django_capture_on_commit_callbacks):
    upcoming = past_opportunity(home_page, title="Still going", sessions_ago=(5, -3))
    selected(upcoming)
    selected(past_opportunity(home_page, title="Not chosen"), status="not_selected")
    record, asked = ask(home_page, django_capture_on_commit_callbacks)
    assert asked == 1
    (message,) = mail.outbox
    assert message.to == [record.contact_email]
    assert "Redesign the ward" in message.subject and "/feedback/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_payment_feedback", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # never asked twice


def test_answer_change_and_keep_nothing_without_consent(
    client, home_page, django_capture_on_commit_callbacks
):
    record, _ = ask(home_page, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    page = client.get(link)
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"].startswith("no-store")
    assert "Have you been paid?" in html and "How we use your answers" in html
    refused = client.post(link, ANSWERS)
    html = refused.content.decode()
    assert refused.status_code == 400
    assert "Tick this box so we can keep your answers" in html
    assert "The room was cold." in html  # what was typed is kept on the page
    feedback = Feedback.objects.get()
    assert (feedback.been_paid, feedback.comment, feedback.answered_at) == ("", "", None)
    client.post(link, {**ANSWERS, "consent": "on"})
    feedback.refresh_from_db()
    assert (feedback.been_paid, feedback.listened_to, feedback.comment) == (
        "not_yet",
        "yes",
        "The room was cold.",
    )
    changed = client.post(link, {**ANSWERS, "been_paid": "yes", "consent": "on"}, follow=True)
    assert "You can change them on this page until" in changed.content.decode()
    feedback.refresh_from_db()
    assert feedback.been_paid == "yes"
    bad = client.post(link, {"been_paid": "maybe", "consent": "on"})
    assert bad.status_code == 400 and "Choose one of the answers" in bad.content.decode()
    # After 30 days the link no longer opens.
    Feedback.objects.update(answered_at=timezone.now() - timedelta(days=31))
    assert client.get(link).status_code == 404


def test_not_yet_is_asked_again_once_and_the_team_is_told(
    client, home_page, team_inbox, django_capture_on_commit_callbacks
):
    record, _ = ask(home_page, django_capture_on_commit_callbacks)
    link = link_in(mail.outbox[0])
    client.post(link, {**ANSWERS, "consent": "on"})
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_again_about_not_paid() == 0  # not a week yet
    Feedback.objects.update(answered_at=timezone.now() - timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_again_about_not_paid() == 1
    to_person = [m for m in mail.outbox if m.to == [record.contact_email]]
    to_team = [m for m in mail.outbox if m.to == ["team@example.org"]]
    assert len(to_person) == 1 and "Have you been paid yet?" in to_person[0].subject
    assert len(to_team) == 1 and record.reference in to_team[0].body
    assert record.name not in to_team[0].body  # references only
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert ask_again_about_not_paid(timezone.now() + timedelta(days=30)) == 0
    assert mail.outbox == []


def test_a_wrong_or_malformed_link_is_refused(client, db):
    assert client.get("/feedback/nothing-here/").status_code == 404
    assert client.get("/feedback/" + "x" * 300 + "/").status_code == 404
