"""Following up in the admin: only the Personal data group sees these records,
every view and export is recorded, and statuses move under the places rule."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from home.models import SiteSettings
from opportunities.models import ExpressionOfInterest, InterestMessages
from privacy.models import PersonalDataAccess
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest, phone_only

pytestmark = pytest.mark.django_db

CHOOSER = "wagtailsnippetchoosers_opportunities_expressionofinterest"


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title="Design the new ward", places=2)


@pytest.fixture
def record(opportunity):
    return make_interest(opportunity, name="Rae Smith", contact_email="rae@example.org")[0]


@pytest.fixture
def personal_data_user(django_user_model):
    return make_user(django_user_model, "caseworker", ["Personal data"])


def admin_urls(record):
    pk = record.pk
    bulk = reverse(
        "wagtail_bulk_action", args=("opportunities", "expressionofinterest", "change_status")
    )
    return {
        "listing": reverse("expressions_of_interest:list"),
        "listing results": reverse("expressions_of_interest:list_results"),
        "export": reverse("expressions_of_interest:list") + "?export=csv",
        "inspect": reverse("expressions_of_interest:inspect", args=(pk,)),
        "edit": reverse("expressions_of_interest:edit", args=(pk,)),
        "delete": reverse("expressions_of_interest:delete", args=(pk,)),
        "history": reverse("expressions_of_interest:history", args=(pk,)),
        "usage": reverse("expressions_of_interest:usage", args=(pk,)),
        "chooser": reverse(f"{CHOOSER}:choose"),
        "chooser results": reverse(f"{CHOOSER}:choose_results"),
        "chosen": reverse(f"{CHOOSER}:chosen", args=(pk,)),
        "messages settings": reverse(
            "wagtailsettings:edit",
            args=("opportunities", "interestmessages", InterestMessages.load().pk),
        ),
        "bulk status": f"{bulk}?id={pk}",
        "bulk delete": reverse(
            "wagtail_bulk_action", args=("opportunities", "expressionofinterest", "delete")
        )
        + f"?id={pk}",
    }


@pytest.mark.parametrize("group", ["Editors", "Moderators", "Ladder managers", None])
def test_people_outside_personal_data_get_nothing_on_any_url(
    client, django_user_model, record, group
):
    user = make_user(django_user_model, "someone", [group] if group else [], is_staff=group is None)
    if group is None:  # admin access but no group: given only the admin-access permission
        from django.contrib.auth.models import Permission

        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name, url in admin_urls(record).items():
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (
            f"{group}: {name} gave {response.status_code}"
        )
        assert b"Rae Smith" not in response.content and b"rae@example.org" not in response.content
    response = client.post(admin_urls(record)["bulk status"], {"status": "selected"})
    assert response.status_code in (302, 403, 404)
    record.refresh_from_db()
    assert record.status == "new"
    assert client.post(admin_urls(record)["delete"]).status_code in (302, 403, 404)
    assert ExpressionOfInterest.objects.filter(pk=record.pk).exists()


@pytest.mark.parametrize("who", ["personal data", "superuser"])
def test_personal_data_group_and_superusers_see_every_url(
    client, record, personal_data_user, superuser, who
):
    client.force_login(personal_data_user if who == "personal data" else superuser)
    for name, url in admin_urls(record).items():
        assert client.get(url).status_code == 200, name
    # Nobody adds records by hand: they come from the public form.
    assert client.get(reverse("expressions_of_interest:add")).status_code in (302, 403)


def test_listing_searches_with_the_database_and_filters(
    client, opportunity, record, personal_data_user
):
    other, _ = make_interest(opportunity, name="Kim Lee", status="contacted")
    client.force_login(personal_data_user)
    url = reverse("expressions_of_interest:list")
    found = client.get(url, {"q": "rae@exam"}).content.decode()
    assert record.reference in found and other.reference not in found
    filtered = client.get(url, {"status": "contacted"}).content.decode()
    assert other.reference in filtered and record.reference not in filtered
    by_page = client.get(url, {"opportunity": opportunity.pk}).content.decode()
    assert other.reference in by_page and record.reference in by_page
    # The listing itself carries no personal details.
    assert "Rae Smith" not in client.get(url).content.decode()


def test_opening_a_record_is_recorded(client, record, personal_data_user):
    client.force_login(personal_data_user)
    html = client.get(
        reverse("expressions_of_interest:inspect", args=(record.pk,))
    ).content.decode()
    assert "Rae Smith" in html and "rae@example.org" in html
    client.get(reverse("expressions_of_interest:edit", args=(record.pk,)))
    entries = PersonalDataAccess.objects.filter(action="viewed", record_id=str(record.pk))
    assert entries.count() == 2
    assert {entry.username for entry in entries} == {"caseworker"}


def test_export_is_spreadsheet_safe_and_recorded(client, opportunity, personal_data_user):
    make_interest(opportunity, name='=HYPERLINK("http://evil")', anything_else="+1 and -2")
    client.force_login(personal_data_user)
    response = client.get(reverse("expressions_of_interest:list") + "?export=csv")
    body = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK" in body and "'+1 and -2" in body
    assert ",=HYPERLINK" not in body
    entry = PersonalDataAccess.objects.get(action="exported")
    assert entry.username == "caseworker" and entry.count == 1


def bulk_change(client, records, status, send_message=False):
    url = reverse(
        "wagtail_bulk_action", args=("opportunities", "expressionofinterest", "change_status")
    )
    query = "&".join(f"id={record.pk}" for record in records)
    data = {"status": status}
    if send_message:
        data["send_message"] = "on"
    return client.post(f"{url}?{query}&next=/admin/", data)


def test_bulk_status_change_with_messages_from_editable_templates(
    client, opportunity, personal_data_user, django_capture_on_commit_callbacks
):
    messages = InterestMessages.load()
    messages.selected_subject = "Good news about {opportunity}"
    messages.selected_body = "Hello {name}, your reference {reference}. Call {contact}."
    messages.save()
    settings = SiteSettings.load()
    settings.contact_phone = "0161 496 0000"
    settings.save()
    emailed, _ = make_interest(opportunity, name="Rae", contact_email="rae@example.org")
    phoned, _ = make_interest(opportunity, **phone_only("07700900982"))
    client.force_login(personal_data_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = bulk_change(client, [emailed, phoned], "selected", send_message=True)
    assert response.status_code == 302
    emailed.refresh_from_db()
    phoned.refresh_from_db()
    assert emailed.status == phoned.status == "selected"
    assert emailed.message_sent_for == "selected" and not phoned.message_sent_for
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Good news about Design the new ward"
    assert (
        mail.outbox[0].body
        == f"Hello Rae, your reference {emailed.reference}. Call call 0161 496 0000."
    )
    log = ModelLogEntry.objects.filter(
        action="opportunities.interest.status", object_id=str(emailed.pk)
    )
    assert log.get().user == personal_data_user
    history = client.get(reverse("expressions_of_interest:history", args=(emailed.pk,)))
    assert "Status changed from New to Selected" in history.content.decode()


def test_status_change_without_message_sends_nothing(
    client, record, personal_data_user, django_capture_on_commit_callbacks
):
    client.force_login(personal_data_user)
    with django_capture_on_commit_callbacks(execute=True):
        bulk_change(client, [record], "not_selected")
    record.refresh_from_db()
    assert record.status == "not_selected" and not mail.outbox


def test_selections_never_exceed_the_places(client, opportunity, personal_data_user):
    people = [make_interest(opportunity)[0] for _ in range(3)]
    client.force_login(personal_data_user)
    bulk_change(client, people, "selected")
    assert opportunity.expressions_of_interest.filter(status="selected").count() == 0
    bulk_change(client, people[:2], "selected")
    assert opportunity.expressions_of_interest.filter(status="selected").count() == 2
    bulk_change(client, people[2:], "selected")
    assert opportunity.expressions_of_interest.filter(status="selected").count() == 2
    # The edit form keeps to the same rule, with the reason beside the field.
    response = client.post(
        reverse("expressions_of_interest:edit", args=(people[2].pk,)),
        {"status": "selected", "editor_note": "Keen"},
    )
    assert response.status_code == 200
    assert "places are already taken" in response.content.decode()
    people[2].refresh_from_db()
    assert people[2].status == "new"
    # The opportunity now shows places filled and takes no more interest.
    opportunity.refresh_from_db()
    page = client.get(opportunity.url).content.decode()
    assert "All places are filled" in page


def test_editing_status_and_note(client, record, personal_data_user):
    client.force_login(personal_data_user)
    response = client.post(
        reverse("expressions_of_interest:edit", args=(record.pk,)),
        {"status": "contacted", "editor_note": "Called, will think about it"},
    )
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == "contacted" and record.editor_note == "Called, will think about it"
    assert record.status_changed_at is not None


def test_personal_data_group_edits_the_messages_and_bad_placeholders_are_refused(
    client, personal_data_user
):
    client.force_login(personal_data_user)
    url = reverse("wagtailsettings:edit", args=("opportunities", "interestmessages"))
    assert client.get(url, follow=True).status_code == 200
    messages = InterestMessages.load()
    url = reverse("wagtailsettings:edit", args=("opportunities", "interestmessages", messages.pk))
    data = {
        field: getattr(messages, field)
        for field in [
            "selected_subject",
            "selected_body",
            "not_selected_subject",
            "not_selected_body",
            "outcome_subject",
            "outcome_body",
        ]
    }
    data["selected_body"] = "Hello {first_name}"
    response = client.post(url, data)
    assert "We cannot fill in {first_name}" in response.content.decode()
    assert InterestMessages.load().selected_body != "Hello {first_name}"


def test_menu_shows_the_records_and_request_tool_only_to_personal_data(
    client, django_user_model, personal_data_user
):
    editor = make_user(django_user_model, "ed", ["Editors"])
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Expressions of interest" not in html and "Personal data request" not in html
    client.force_login(personal_data_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Expressions of interest" in html and "Personal data request" in html


def test_dashboard_shows_who_awaits_a_reply_only_to_personal_data(
    client, opportunity, django_user_model, personal_data_user
):
    from datetime import timedelta

    from django.utils import timezone

    late, _ = make_interest(opportunity, name="Waited Long")
    ExpressionOfInterest.objects.filter(pk=late.pk).update(
        created_at=timezone.now() - timedelta(days=14)
    )
    fresh, _ = make_interest(opportunity)
    answered, _ = make_interest(opportunity, status="contacted")

    client.force_login(make_user(django_user_model, "ed", ["Editors", "Moderators"]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "awaiting a reply" not in html and late.reference not in html

    client.force_login(personal_data_user)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Expressions of interest awaiting a reply" in html
    assert html.index(late.reference) < html.index(fresh.reference)  # oldest first
    assert answered.reference not in html
    assert "Late: was due" in html
    assert "Waited Long" not in html  # references only
