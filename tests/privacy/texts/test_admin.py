"""Superusers see where each text stands in the admin, without the number or
the words; nobody else sees it, and nobody changes it."""

import pytest
from django.urls import reverse

from privacy.texts.models import TextMessage
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

LIST = "text_messages:index"


def test_superusers_see_status_attempts_and_last_error_but_no_number_or_words(client, superuser):
    TextMessage.objects.create(
        kind="interest confirmation",
        to="+447400123456",
        body="Your reference is KMP-47X",
        status=TextMessage.Status.RETRYING,
        attempts=2,
        last_error="HTTPError: 503 - Internal server error",
    )
    client.force_login(superuser)
    html = client.get(reverse(LIST)).content.decode()
    assert "interest confirmation" in html
    assert "Failed, will try again" in html
    assert "503 - Internal server error" in html
    assert "7400123456" not in html and "KMP-47X" not in html


def test_staff_with_personal_data_access_do_not_see_it(client, django_user_model):
    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    response = client.get(reverse(LIST))
    assert response.status_code in (302, 403)


def test_nobody_adds_or_edits_a_text_record(client, superuser):
    record = TextMessage.objects.create(kind="reminder", to="+447400123456")
    client.force_login(superuser)
    assert client.get(reverse("text_messages:edit", args=(record.pk,))).status_code in (302, 403)
    assert client.get(reverse("text_messages:add")).status_code in (302, 403)
