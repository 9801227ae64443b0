"""The demo's payments: one partner with a good record, one with a poor one,
and one with too few people for any figure."""

from io import StringIO

import pytest
from django.core.management import call_command

from payments.models import Payment
from payments.partner_record import YEAR
from payments.records import partner_records
from privacy.small_numbers import is_withheld


@pytest.mark.django_db
def test_demo_partners_good_poor_and_too_few(demo_site):
    call_command("load_demo_content", "--no-admin", stdout=StringIO())  # a second run adds nothing
    assert Payment.objects.count() == 18
    records = {str(record.partner): record for record in partner_records(YEAR)}
    good = records["Hearthway Homes"]
    poor = records[next(name for name in records if name.startswith("Brookmere"))]
    few = records[next(name for name in records if name.startswith("Salt Street"))]
    assert good.median_days.value == 0 and good.within_promise.value >= 75
    assert poor.median_days.value >= 28 and poor.within_promise.value == 0
    assert is_withheld(few.median_days.value)
    assert all(q.answered.value is None or is_withheld(q.answered.value) for q in few.questions)
