"""Email is sent after the transaction commits, and a broken mail server
never loses what was saved."""

import pytest
from django.core import mail
from django.db import transaction

from home.emails import send_email_after_commit
from home.models import Topic


@pytest.mark.django_db
def test_email_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        send_email_after_commit("Hello", "Body text", ["person@example.org"])
        assert mail.outbox == []
    assert len(callbacks) == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["person@example.org"]
    assert mail.outbox[0].subject == "Hello"


@pytest.mark.django_db
def test_rolled_back_work_sends_nothing(django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        send_email_after_commit("Hello", "Body", ["person@example.org"])
        raise RuntimeError("form failed")
    assert mail.outbox == []


@pytest.mark.django_db
def test_mail_server_failure_keeps_the_saved_record(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.home.broken_mail.BrokenBackend"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        Topic.objects.create(name="Saved anyway")
        send_email_after_commit("Hello", "Body", ["person@example.org"])
    assert Topic.objects.filter(name="Saved anyway").exists()
