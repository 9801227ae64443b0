"""A text is recorded, sent after the transaction commits, retried a set number
of times on failure, and kept to the sending window."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from privacy.texts.models import TextMessage
from privacy.texts.sending import queue_text

pytestmark = pytest.mark.django_db

MOBILE = "07400 123456"
BODY = "Your reference is CP-1234. Check it at https://example.org/i/abc"


def closed_window_now(settings):
    """A window that opens in an hour and closes in two, so it is shut now."""
    hour = timezone.localtime().hour
    settings.TEXT_WINDOW_OPENS, settings.TEXT_WINDOW_CLOSES = (hour + 1) % 24, (hour + 2) % 24 or 24


def due_now(record):
    """As if the time it waits for has come."""
    TextMessage.objects.filter(pk=record.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def run_command():
    out = io.StringIO()
    call_command("send_due_texts", stdout=out)
    return out.getvalue()


def test_a_text_goes_once_the_transaction_commits_and_its_words_are_then_erased(
    text_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        record = queue_text(MOBILE, BODY, "interest confirmation")
        assert text_outbox == []
    [text] = text_outbox
    assert (text.to, text.body, text.reference) == ("+447400123456", BODY, f"text-{record.pk}")
    record.refresh_from_db()
    assert record.status == TextMessage.Status.SENT
    assert record.attempts == 1
    assert record.provider_id.startswith("memory-")
    assert record.body == ""
    assert record.sent_at is not None


def test_nothing_is_sent_when_the_transaction_is_rolled_back(
    text_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue_text(MOBILE, BODY, "interest confirmation")
                raise RuntimeError("the form failed")
        except RuntimeError:
            pass
    assert text_outbox == []
    assert not TextMessage.objects.exists()


@pytest.mark.parametrize("number", ["020 7946 0123", "", "+33 6 12 34 56 78"])
def test_a_landline_or_no_number_gets_nothing_and_no_record(number, text_outbox):
    assert queue_text(number, BODY, "interest confirmation") is None
    assert text_outbox == []
    assert not TextMessage.objects.exists()


def test_outside_the_window_a_text_waits_until_it_opens(
    settings, text_outbox, django_capture_on_commit_callbacks
):
    closed_window_now(settings)
    with django_capture_on_commit_callbacks(execute=True):
        record = queue_text(MOBILE, BODY, "reminder")
    record.refresh_from_db()
    assert text_outbox == []
    assert record.status == TextMessage.Status.WAITING
    assert record.next_attempt_at > timezone.now()
    assert timezone.localtime(record.next_attempt_at).hour == settings.TEXT_WINDOW_OPENS

    assert run_command() == "0 text messages queued.\n"
    assert text_outbox == []

    settings.TEXT_WINDOW_OPENS, settings.TEXT_WINDOW_CLOSES = 0, 24
    due_now(record)
    assert run_command() == "1 text message queued.\n"
    assert [text.body for text in text_outbox] == [BODY]
    assert run_command() == "0 text messages queued.\n"
    assert len(text_outbox) == 1


def test_a_text_the_person_asked_for_goes_at_any_hour(
    settings, text_outbox, django_capture_on_commit_callbacks
):
    closed_window_now(settings)
    with django_capture_on_commit_callbacks(execute=True):
        queue_text(MOBILE, BODY, "link again", any_hour=True)
    assert len(text_outbox) == 1


def test_a_text_whose_task_was_lost_is_sent_by_the_command(text_outbox):
    # Recorded, but the queue was down when the transaction committed.
    record = TextMessage.objects.create(kind="reminder", to="+447400123456", body=BODY)
    assert run_command() == "0 text messages queued.\n"  # its task may still be coming
    TextMessage.objects.filter(pk=record.pk).update(
        created_at=timezone.now() - timedelta(minutes=6)
    )
    assert run_command() == "1 text message queued.\n"
    assert [text.body for text in text_outbox] == [BODY]
