"""The admin speaks plainly about expressions of interest: Yes / No / Not
given, and bulk actions and messages that name the thing."""

import re

import pytest
from django.urls import reverse

from opportunities.choices import InterestStatus
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker_client(client, django_user_model):
    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    return client


@pytest.fixture
def record(board):
    opportunity = make_opportunity(board, title="Design the new ward")
    return make_interest(opportunity, contact_phone="07700 900123", call_ok=True, call_safe=False)[
        0
    ]


def shown(html, label):
    """The words an inspect view shows for ``label``."""
    found = re.search(rf"<dt>{label}</dt>\s*<dd>\s*(.*?)\s*</dd>", html, re.S)
    return found.group(1) if found else None


def test_the_inspect_view_says_yes_no_and_not_given(caseworker_client, record):
    html = caseworker_client.get(
        reverse("expressions_of_interest:inspect", args=(record.pk,))
    ).content.decode()
    assert shown(html, "May call") == "Yes"
    assert shown(html, "Calls are safe") == "No"
    assert shown(html, "Message sent at") == "Not yet"
    assert re.findall(r"<dd>\s*(True|False|None)\s*</dd>", html) == []


def test_the_bulk_action_bar_names_expressions_of_interest(caseworker_client, record):
    html = caseworker_client.get(reverse("expressions_of_interest:list")).content.decode()
    assert '"SINGULAR": "1 expression of interest selected"' in html
    assert "%(objects)s expressions of interest selected" in html
    assert "js/admin/bulk_action_names.js" in html


def test_a_bulk_status_change_names_what_changed(caseworker_client, record):
    url = reverse(
        "wagtail_bulk_action", args=("opportunities", "expressionofinterest", "change_status")
    )
    response = caseworker_client.post(
        f"{url}?id={record.pk}&next=/admin/", {"status": InterestStatus.CONTACTED}, follow=True
    )
    assert "Status changed for 1 expression of interest." in response.content.decode()
