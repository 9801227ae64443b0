"""Who changed what and when: settings and list items changed in the admin are in
their history and in Reports → Site history, with the person's name."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import SiteSettings, Topic
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def site_settings_form(settings, **changes):
    data = {
        "organisation_name": settings.organisation_name,
        "strapline": settings.strapline,
        "logo": "",
        "address": settings.address,
        "contact_email": settings.contact_email,
        "contact_phone": settings.contact_phone,
        "text_number": settings.text_number,
        "opening_hours": settings.opening_hours,
        "notification_email": settings.notification_email,
        "reply_time_working_days": settings.reply_time_working_days,
        "retention_days": settings.retention_days,
        "benefits_advice_url": settings.benefits_advice_url,
        "real_living_wage_hourly": settings.real_living_wage_hourly,
        "expressions_of_interest_open": "on",
        "self_assessment_open": "on",
        "show_partner_rungs": "on",
    }
    data.update(changes)
    return data


def test_a_settings_change_is_in_the_site_history(client, django_user_model, home_page):
    moderator = make_user(django_user_model, "mona", ["Moderators"])
    client.force_login(moderator)
    settings = SiteSettings.load()
    url = reverse("wagtailsettings:edit", args=("home", "sitesettings", settings.pk))

    response = client.post(url, site_settings_form(settings, reply_time_working_days="3"))

    assert response.status_code == 302, response.content.decode()[:2000]
    assert SiteSettings.load().reply_time_working_days == 3
    entry = ModelLogEntry.objects.get(action="wagtail.edit", object_id=str(settings.pk))
    assert entry.user == moderator
    assert entry.content_type.model == "sitesettings"
    report = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Site settings" in report and "mona" in report


def test_a_list_item_change_is_in_its_history(client, django_user_model, home_page):
    editor = make_user(django_user_model, "eddie", ["Editors"])
    client.force_login(editor)
    topic = Topic.objects.create(name="Housing", slug="housing")
    edit = reverse("wagtailsnippets_home_topic:edit", args=(topic.pk,))

    response = client.post(
        edit, {"name": "Housing and homelessness", "slug": "housing", "description": ""}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    history = client.get(reverse("wagtailsnippets_home_topic:history", args=(topic.pk,)))
    html = history.content.decode()
    assert "Edit" in html and "eddie" in html
