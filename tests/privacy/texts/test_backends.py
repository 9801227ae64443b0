"""The real GOV.UK Notify and Twilio clients, driven over HTTP against
stand-ins on 127.0.0.1 (tests/privacy/texts/sms_services.py); and the
console backend of development."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from privacy.texts.backends import OutgoingText
from privacy.texts.backends.console import ConsoleTextBackend
from privacy.texts.models import TextMessage
from privacy.texts.sending import queue_text
from tests.privacy.texts.sms_services import FakeNotify, FakeTwilio

pytestmark = pytest.mark.django_db

MOBILE = "07400 123456"
BODY = "Mae'ch cyfeirnod yn CP-1234, Siân Ŵyn. https://example.org/i/abc"


@pytest.fixture(params=["notify", "twilio"])
def provider(request):
    return request.getfixturevalue(request.param)


def send(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        record = queue_text(MOBILE, BODY, "interest confirmation")
    record.refresh_from_db()
    return record


def test_notify_gets_the_number_our_template_the_words_and_our_reference(
    notify, django_capture_on_commit_callbacks
):
    record = send(django_capture_on_commit_callbacks)
    [request] = notify.delivered
    assert request["json"] == {
        "phone_number": "+447400123456",
        "template_id": FakeNotify.TEMPLATE_ID,
        "personalisation": {"body": BODY},
        "reference": f"text-{record.pk}",
    }
    assert record.status == TextMessage.Status.SENT
    assert len(record.provider_id) == 36  # Notify's notification id


def test_twilio_gets_the_number_the_sender_and_the_words(
    twilio, django_capture_on_commit_callbacks
):
    record = send(django_capture_on_commit_callbacks)
    [request] = twilio.delivered
    assert request["form"] == {"To": "+447400123456", "From": FakeTwilio.FROM, "Body": BODY}
    assert record.status == TextMessage.Status.SENT
    assert record.provider_id.startswith("SM")


def test_twilio_sends_through_a_messaging_service_when_one_is_set(
    twilio, settings, django_capture_on_commit_callbacks
):
    settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "1" * 32
    send(django_capture_on_commit_callbacks)
    [request] = twilio.delivered
    assert request["form"]["MessagingServiceSid"] == "MG" + "1" * 32
    assert "From" not in request["form"]


def test_a_failing_provider_is_retried_then_succeeds_with_one_text_sent(
    provider, settings, django_capture_on_commit_callbacks
):
    settings.TEXT_MESSAGE_RETRY_SECONDS = 0
    provider.fail_next(500, times=2)
    record = send(django_capture_on_commit_callbacks)
    assert len(provider.requests) == 3
    assert len(provider.delivered) == 1
    assert record.status == TextMessage.Status.SENT
    assert record.attempts == 3


def test_a_retry_waits_its_delay_then_the_command_sends_it(
    provider, django_capture_on_commit_callbacks
):
    provider.fail_next(503)
    record = send(django_capture_on_commit_callbacks)
    assert record.status == TextMessage.Status.RETRYING
    assert record.attempts == 1
    assert "503" in record.last_error
    assert record.body == BODY  # kept for the retry
    assert record.next_attempt_at > timezone.now() + timedelta(minutes=4)

    call_command("send_due_texts", stdout=io.StringIO())
    assert provider.delivered == []

    TextMessage.objects.filter(pk=record.pk).update(next_attempt_at=timezone.now())
    call_command("send_due_texts", stdout=io.StringIO())
    record.refresh_from_db()
    assert len(provider.delivered) == 1
    assert (record.status, record.attempts, record.body) == (TextMessage.Status.SENT, 2, "")


def test_after_the_last_attempt_the_text_is_marked_failed_and_its_words_erased(
    provider, settings, django_capture_on_commit_callbacks
):
    settings.TEXT_MESSAGE_RETRY_SECONDS = 0
    settings.TEXT_MESSAGE_ATTEMPTS = 3
    provider.fail_next(500, times=5)
    record = send(django_capture_on_commit_callbacks)
    assert len(provider.requests) == 3
    assert provider.delivered == []
    assert (record.status, record.attempts, record.body) == (TextMessage.Status.FAILED, 3, "")
    assert record.last_error


def test_a_number_the_provider_refuses_fails_at_once_and_the_error_names_no_number(
    provider, settings, django_capture_on_commit_callbacks
):
    settings.TEXT_MESSAGE_RETRY_SECONDS = 0
    provider.fail_next(400)
    record = send(django_capture_on_commit_callbacks)
    assert len(provider.requests) == 1
    assert (record.status, record.attempts, record.body) == (TextMessage.Status.FAILED, 1, "")
    assert "refused" in record.last_error
    assert "[number]" in record.last_error
    assert "7400123456" not in record.last_error


def test_wrong_credentials_are_a_failure_to_retry_not_a_lost_text(
    notify, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_API_KEY = (
        f"copro_test-{FakeNotify.SERVICE_ID}-{'0' * 8}-{FakeNotify.SECRET[9:]}"
    )
    record = send(django_capture_on_commit_callbacks)
    assert record.status == TextMessage.Status.RETRYING
    assert "403" in record.last_error
    assert record.body == BODY


def test_the_console_backend_prints_the_text():
    stream = io.StringIO()
    ConsoleTextBackend(stream).send(OutgoingText("+447400123456", BODY, "text-1"))
    assert "to +447400123456" in stream.getvalue()
    assert BODY in stream.getvalue()
