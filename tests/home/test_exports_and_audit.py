import pytest
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from home.exports import csv_response, spreadsheet_safe
from home.models import Topic
from privacy.models import PersonalDataAccess
from tests.conftest import make_user


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 7700 900123", "'+44 7700 900123"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("Sam Smith", "Sam Smith"),
        (None, ""),
        (12, "12"),
    ],
)
def test_cells_that_a_spreadsheet_would_run_are_made_text(value, expected):
    assert spreadsheet_safe(value) == expected


def test_csv_response_is_safe_and_never_cached():
    response = csv_response("people.csv", ["Name"], [["=1+1"], ["Sam"]])
    body = b"".join(response.streaming_content).decode()
    assert body.splitlines() == ["\ufeffName", "'=1+1", "Sam"]
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_access_is_recorded_without_personal_details(superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    entry = PersonalDataAccess.record(request, PersonalDataAccess.Action.EXPORTED, Topic, count=3)
    assert entry.username == "super"
    assert str(entry) == "Exported topics by super"


@pytest.mark.django_db
def test_only_superusers_see_the_access_log(client, superuser, django_user_model):
    request = RequestFactory().get("/")
    request.user = superuser
    entry = PersonalDataAccess.record(request, PersonalDataAccess.Action.VIEWED, Topic, record_id=7)
    index = reverse("personal_data_access:index")
    inspect = reverse("personal_data_access:inspect", args=(entry.pk,))

    client.force_login(superuser)
    assert client.get(index).status_code == 200
    assert client.get(inspect).status_code == 200

    for group in ["Personal data", "Editors", "Moderators"]:
        user = make_user(django_user_model, group.replace(" ", "-").lower(), [group])
        client.force_login(user)
        assert client.get(index).status_code in (302, 403), group
        assert client.get(inspect).status_code in (302, 403), group
    assert (
        Group.objects.get(name="Personal data")
        .permissions.filter(codename__contains="personaldataaccess")
        .count()
        == 0
    )


@pytest.mark.django_db
def test_not_even_a_superuser_can_edit_or_delete_the_log(client, superuser):
    request = RequestFactory().get("/")
    request.user = superuser
    entry = PersonalDataAccess.record(request, PersonalDataAccess.Action.VIEWED, Topic, record_id=7)
    client.force_login(superuser)
    assert client.get(reverse("personal_data_access:add")).status_code in (302, 403)
    assert client.get(reverse("personal_data_access:edit", args=(entry.pk,))).status_code in (
        302,
        403,
    )
    response = client.post(reverse("personal_data_access:delete", args=(entry.pk,)))
    assert response.status_code in (302, 403)
    assert PersonalDataAccess.objects.filter(pk=entry.pk).exists()
