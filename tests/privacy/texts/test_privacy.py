"""Text message records are personal data: found by the number however typed,
exported, erased on request and purged after 30 days."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from privacy import subject_requests
from privacy.retention import purge
from privacy.texts.models import TextMessage

pytestmark = pytest.mark.django_db


def test_a_persons_texts_are_found_by_their_number_exported_and_erased():
    theirs = TextMessage.objects.create(kind="reminder", to="+447400123456", body="Hello")
    other = TextMessage.objects.create(kind="reminder", to="+447400999999", body="Hi")
    found = list(subject_requests.find(phone="07400 123 456"))
    assert [(m.source, m.record_id) for m in found] == [("Text message", str(theirs.pk))]
    data = json.loads(subject_requests.export(found))["records"][0]["data"]
    assert data["number"] == "+447400123456"
    assert data["words"] == "Hello"
    assert subject_requests.erase(found) == 1
    assert list(TextMessage.objects.all()) == [other]


def test_the_purge_deletes_text_records_after_30_days():
    old = TextMessage.objects.create(kind="reminder", to="+447400123456")
    recent = TextMessage.objects.create(kind="reminder", to="+447400123456")
    TextMessage.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    report = purge()
    assert "Deleted 1 text message records." in str(report).splitlines()
    assert list(TextMessage.objects.all()) == [recent]
