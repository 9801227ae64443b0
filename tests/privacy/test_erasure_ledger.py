"""The erasure ledger (privacy/erasure_ledger.py): an erasure on request leaves
the record's type and id, nothing personal, in the media storage; after a
restore brings the record back, ``reapply_erasures`` erases it again."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from opportunities.models import ExpressionOfInterest
from privacy.erasure_ledger import ledger_entries
from tests.conftest import default_home_page
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import make_interest


@pytest.mark.django_db
def test_an_erasure_is_reapplied_after_a_restore_brings_the_record_back(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    record, _ = make_interest(
        make_opportunity(make_board(default_home_page())),
        name="Erin Erased",
        contact_email="erin@example.org",
    )
    backed_up = ExpressionOfInterest.objects.filter(pk=record.pk).values()[0]

    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "personal_data_request", "--email", "erin@example.org", "--erase", stdout=StringIO()
        )
    assert not ExpressionOfInterest.objects.filter(pk=record.pk).exists()
    assert ledger_entries() == [
        {
            "model": "opportunities.expressionofinterest",
            "id": str(record.pk),
            "erased_at": ledger_entries()[0]["erased_at"],
        }
    ]
    ledger_text = json.dumps(ledger_entries())
    assert "erin" not in ledger_text.lower()

    # A restore from a backup taken before the erasure brings the record back...
    ExpressionOfInterest.objects.create(**backed_up)
    output = StringIO()
    call_command("reapply_erasures", stdout=output)
    # ...and the ledger erases it again; a second run finds nothing.
    assert output.getvalue() == "Erased again: 1 record(s).\n"
    assert not ExpressionOfInterest.objects.filter(pk=record.pk).exists()
    output = StringIO()
    call_command("reapply_erasures", stdout=output)
    assert output.getvalue() == "Erased again: 0 record(s).\n"
