import pytest
from django.urls import reverse

from home.models import Topic


@pytest.mark.django_db
def test_editor_adds_a_topic_in_the_admin_and_its_slug_is_made(editor_client):
    response = editor_client.post(
        reverse("wagtailsnippets_home_topic:add"),
        {"name": "Housing and homelessness", "slug": "", "description": "Where people live."},
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert topic.slug == "housing-and-homelessness"
    assert str(topic) == "Housing and homelessness"


@pytest.mark.django_db
def test_duplicate_topic_name_is_refused_beside_the_field(editor_client):
    Topic.objects.create(name="Housing")
    response = editor_client.post(
        reverse("wagtailsnippets_home_topic:add"),
        {"name": "Housing", "slug": "", "description": ""},
    )
    assert response.status_code == 200
    assert "Topic with this Name already exists." in response.content.decode()
    assert Topic.objects.count() == 1
