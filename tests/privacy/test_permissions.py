"""One permission decides who sees personal data, in every app: the *Personal
data* group holds it, and taking it away (the group's name unchanged) hides
what it showed; a model permission alone shows nobody's records."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.urls import reverse

from privacy.permissions import can_see_personal_data
from tests.conftest import make_user
from tests.ladder.invitation_helpers import make_invitation, make_partner

pytestmark = pytest.mark.django_db

PERSONAL_DATA = Permission.objects.filter(
    content_type__app_label="privacy", codename="view_personal_data"
)


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lead_contact_page(home_page, assessment_page):
    invitation = make_invitation(make_partner(home_page), contact_email="alex@northside.example")
    return reverse("wagtailsnippets_ladder_invitation:inspect", args=(invitation.pk,))


def screens_showing_personal_data(client, lead_contact_page):
    """Which of the apps' personal-data screens this person is shown."""
    shown = set()
    if "alex@northside.example" in client.get(lead_contact_page).content.decode():
        shown.add("lead contact")
    if client.get(reverse("personal_data_request")).status_code == 200:
        shown.add("request screen")
    if client.get(reverse("expressions_of_interest:list")).status_code == 200:
        shown.add("expressions of interest")
    return shown


EVERYWHERE = {"lead contact", "request screen", "expressions of interest"}


def test_the_personal_data_group_sees_them_through_the_one_permission(
    django_user_model, lead_contact_page
):
    person = make_user(django_user_model, "dpo", ["Ladder managers", "Personal data"])
    assert can_see_personal_data(person)
    assert screens_showing_personal_data(logged_in(person), lead_contact_page) == EVERYWHERE

    Group.objects.get(name="Personal data").permissions.remove(*PERSONAL_DATA)
    person = type(person).objects.get(pk=person.pk)  # permissions are cached per object
    assert not can_see_personal_data(person)
    # Still in the group, still holding the records' model permissions: shown nothing.
    assert person.has_perm("opportunities.view_expressionofinterest")
    assert screens_showing_personal_data(logged_in(person), lead_contact_page) == set()


def test_the_permission_given_by_hand_is_enough_without_the_group(
    django_user_model, lead_contact_page
):
    person = make_user(django_user_model, "officer", ["Ladder managers"])
    assert screens_showing_personal_data(logged_in(person), lead_contact_page) == set()
    person.user_permissions.add(*PERSONAL_DATA)
    person = type(person).objects.get(pk=person.pk)
    # The request screen and the lead contact need only this permission; the
    # records of interest also need their own model permissions.
    assert screens_showing_personal_data(logged_in(person), lead_contact_page) == {
        "lead contact",
        "request screen",
    }


def test_superusers_pass_and_inactive_staff_do_not(django_user_model, superuser):
    assert can_see_personal_data(superuser)
    gone = make_user(django_user_model, "left", ["Personal data"], is_active=False)
    assert not can_see_personal_data(gone)


def test_a_superuser_grants_it_on_a_groups_permissions_page(client, superuser):
    client.force_login(superuser)
    group = Group.objects.get(name="Personal data")
    page = client.get(reverse("wagtailusers_groups:edit", args=(group.pk,))).content.decode()
    assert "Can see people&#x27;s personal data" in page
