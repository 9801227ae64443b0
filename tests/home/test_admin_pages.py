"""Editors build pages in the Wagtail admin, with real block names."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import StandardPage


def standard_page_form(title, slug, body):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "introduction": "What this page is about.",
            "body": streamfield(body),
            "action-publish": "publish",
        }
    )


@pytest.mark.django_db
def test_moderator_creates_and_publishes_a_standard_page(moderator_client, home_page):
    body = [
        ("heading", {"text": "How we pay people", "level": "h2"}),
        ("rich_text", rich_text("<p>Nobody should be out of pocket.</p>")),
        ("quote", {"quote": "I was paid on the day.", "attribution": "Researcher"}),
        (
            "call_to_action",
            {
                "heading": "Get involved",
                "text": "See what is open.",
                "link": {"label": "Paid opportunities", "page": "", "url": "https://example.org/"},
            },
        ),
        (
            "accordion",
            {
                "heading": "Questions",
                "items": {
                    "count": "1",
                    "0": {
                        "deleted": "",
                        "order": "0",
                        "id": "",
                        "value": {
                            "question": "Will it affect my benefits?",
                            "answer": rich_text("<p>It may. Get advice first.</p>"),
                        },
                    },
                },
            },
        ),
    ]
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))

    response = moderator_client.post(
        url, standard_page_form("Paying people", "paying-people", body)
    )

    assert response.status_code == 302, response.content[:2000]
    page = StandardPage.objects.get(slug="paying-people")
    assert page.live
    assert [block.block_type for block in page.body] == [
        "heading",
        "rich_text",
        "quote",
        "call_to_action",
        "accordion",
    ]
    html = moderator_client.get(page.url).content.decode()
    assert '<h2 class="block-heading">How we pay people</h2>' in html
    assert "Nobody should be out of pocket." in html
    assert "I was paid on the day." in html
    assert 'href="https://example.org/">Paid opportunities</a>' in html
    assert "<summary>Will it affect my benefits?</summary>" in html


@pytest.mark.django_db
def test_link_needs_a_page_or_an_address_and_nothing_is_saved(moderator_client, home_page):
    body = [
        (
            "call_to_action",
            {"heading": "Get involved", "text": "", "link": {"label": "Go", "page": "", "url": ""}},
        )
    ]
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))

    response = moderator_client.post(url, standard_page_form("Broken link", "broken-link", body))

    assert response.status_code == 200
    assert "Choose a page or type a web address" in response.content.decode()
    assert not StandardPage.objects.filter(slug="broken-link").exists()


@pytest.mark.django_db
def test_editor_without_publish_permission_submits_for_moderation(editor_client, home_page):
    url = reverse("wagtailadmin_pages:add", args=("home", "standardpage", home_page.pk))
    data = standard_page_form("Draft", "draft", [("heading", {"text": "Hi", "level": "h2"})])
    data.pop("action-publish")
    data["action-submit"] = "submit"

    response = editor_client.post(url, data)

    assert response.status_code == 302
    page = StandardPage.objects.get(slug="draft")
    assert not page.live
    assert page.current_workflow_state is not None
    assert page.current_workflow_state.status == "in_progress"
