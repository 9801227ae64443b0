from io import StringIO

import pytest
from django.core.management import call_command

from opportunities.models import ExpressionOfInterest


@pytest.mark.django_db
def test_demo_interest_loads_once_with_invented_people(demo_site):
    # The demo site was made by load_demo_content: this is its second run.
    call_command("load_demo_content", "--no-admin", stdout=StringIO())
    # The payments demo's participants are its own (tests/payments/test_demo_content.py).
    records = ExpressionOfInterest.objects.filter(payments=None)
    assert records.count() == 6
    assert {record.status for record in records} == {
        "new",
        "contacted",
        "selected",
        "not_selected",
        "withdrawn",
    }
    assert all(
        record.contact_email.endswith("@example.org")
        or record.contact_phone.startswith("07700 900")
        for record in records
    )
    priya = records.get(reference="DMC-3L5")
    assert priya.call_ok and not priya.call_safe and priya.needs_second_factor
