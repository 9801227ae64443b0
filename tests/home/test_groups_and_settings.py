"""Groups and permissions exist after migrate; settings are edited in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home.models import SiteSettings


def settings_url():
    return reverse("wagtailsettings:edit", args=("home", "sitesettings", SiteSettings.load().pk))


@pytest.mark.django_db
def test_project_groups_exist_beside_wagtails_own_without_duplicates():
    names = list(Group.objects.values_list("name", flat=True))
    for name in ("Editors", "Moderators", "Personal data", "Ladder managers"):
        assert names.count(name) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["Personal data", "Ladder managers"])
def test_new_groups_can_reach_the_admin(name):
    group = Group.objects.get(name=name)
    assert group.permissions.filter(codename="access_admin").exists()


@pytest.mark.django_db
def test_editors_manage_taxonomies_and_moderators_also_settings():
    editors = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    moderators = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )
    assert {"add_topic", "change_area", "delete_sector", "change_accesssupport"} <= editors
    assert "change_sitesettings" not in editors
    assert {"change_sitesettings", "change_navigationsettings"} <= moderators


@pytest.mark.django_db
def test_moderators_approval_workflow_is_wagtails_own():
    from wagtail.models import Workflow

    assert Workflow.objects.filter(name="Moderators approval").count() == 1


@pytest.mark.django_db
def test_moderator_changes_the_reply_time_promise_in_settings(moderator_client):
    url = settings_url()
    page = moderator_client.get(url)
    assert page.status_code == 200
    assert "Notifications and replies" in page.content.decode()

    data = {
        "organisation_name": "Co-pro Network",
        "strapline": "",
        "address": "",
        "contact_email": "hello@example.org",
        "contact_phone": "",
        "text_number": "",
        "opening_hours": "",
        "notification_email": "team@example.org",
        "reply_time_working_days": "3",
        "retention_days": "90",
        "benefits_advice_url": "https://www.citizensadvice.org.uk/benefits/",
        "real_living_wage_hourly": "13.45",
        "expressions_of_interest_open": "on",
        "self_assessment_open": "on",
        "show_partner_rungs": "on",
    }
    response = moderator_client.post(url, data)
    assert response.status_code == 302
    settings = SiteSettings.load()
    assert settings.reply_time_working_days == 3
    assert settings.retention_days == 90


@pytest.mark.django_db
def test_bad_setting_is_explained_and_nothing_saved(moderator_client):
    url = settings_url()
    response = moderator_client.post(
        url,
        {
            "organisation_name": "Renamed",
            "reply_time_working_days": "0",
            "retention_days": "abc",
            "benefits_advice_url": "not a url",
            "real_living_wage_hourly": "13.45",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ensure this value is greater than or equal to 1." in html
    assert "Enter a whole number." in html
    assert "Enter a valid URL." in html
    assert SiteSettings.load().organisation_name == "Co-pro Network"


@pytest.mark.django_db
def test_editor_cannot_open_site_settings(editor_client):
    url = settings_url()
    response = editor_client.get(url)
    assert response.status_code in (302, 403)
