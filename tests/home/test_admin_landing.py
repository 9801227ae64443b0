"""Where editors land in the admin, and which reports each group sees."""

import re

import pytest
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

pytestmark = pytest.mark.django_db


def test_editors_and_moderators_hold_their_page_permissions_on_the_home_page(home_page):
    root = Page.get_first_root_node()
    for group in ("Editors", "Moderators"):
        grants = GroupPagePermission.objects.filter(group__name=group)
        assert grants.exists()
        assert not grants.filter(page=root).exists()
        assert set(grants.values_list("page_id", flat=True)) == {home_page.pk}


def test_an_editor_explorer_opens_at_the_home_page_and_can_still_add_pages(
    editor_client, home_page
):
    explorer = editor_client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert explorer.redirect_chain[-1][0] == reverse("wagtailadmin_explore", args=(home_page.pk,))
    html = explorer.content.decode()
    assert "Configure a site now" not in html
    assert home_page.title in html
    add = editor_client.get(reverse("wagtailadmin_pages:add_subpage", args=(home_page.pk,)))
    assert add.status_code == 200


def test_a_superuser_still_sees_root(client, superuser):
    client.force_login(superuser)
    html = client.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert "Root" in html


def reports_menu(client):
    """The Reports menu's item names, from the sidebar the admin renders."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    names = ["Locked pages", "Workflows", "Workflow tasks", "Site history", "Aging pages"]
    names += ["Page types usage"]
    return {name for name in names if f'"label": "{name}"' in html}


def test_editors_see_only_where_their_pages_stand_in_approval(editor_client):
    assert reports_menu(editor_client) == {"Workflows"}


def test_moderators_see_the_reports_for_reviewing_pages(moderator_client):
    assert reports_menu(moderator_client) == {
        "Locked pages",
        "Workflows",
        "Workflow tasks",
        "Site history",
        "Aging pages",
    }


def test_superusers_see_every_report(client, superuser):
    client.force_login(superuser)
    assert "Page types usage" in reports_menu(client)


def test_autosave_is_off_and_leaving_unsaved_changes_still_warns(editor_client, home_page):
    html = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=(home_page.pk,))
    ).content.decode()
    form = re.search(r'<form[^>]*data-controller="([^"]*w-unsaved[^"]*)"', html)
    assert form, "the editor's form warns before leaving unsaved changes"
    assert "w-autosave" not in form.group(1)
