"""Existing records migrate to contact wishes sensibly: an expression of
interest's one contact method becomes that way, allowed, and its single "safe
to leave a message" answer applies to every way; invitations get a reference
and keep emailing their lead in full; assessments' contact emails may be used
but count as not safe."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from ladder.models import Invitation, SelfAssessment
from opportunities.models import ExpressionOfInterest
from tests.ladder.factories import publish_questionnaire, theme_data
from tests.ladder.invitation_helpers import make_partner
from tests.opportunities.conftest import make_board, make_opportunity

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [
    ("opportunities", "0005_closing_date_cleared_on_copy"),
    ("ladder", "0008_invitation_wording_validators"),
]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_single_answers_become_contact_wishes(home_page):
    opportunity = make_opportunity(make_board(home_page))
    partner = make_partner(home_page)
    version = publish_questionnaire(themes=[theme_data("Decisions", [])]).latest_version()
    apps = migrate(BEFORE)
    Interest = apps.get_model("opportunities", "ExpressionOfInterest")
    common = {
        "opportunity_id": opportunity.pk,
        "opportunity_title": "A title",
        "name": "Someone",
        "token_expires_at": timezone.now() + timedelta(days=9),
    }
    people = [
        ("email", "sam@example.org", True, "AAA-AAA"),
        ("text", "07700 900111", False, "BBB-BBB"),
        ("phone", "07700 900222", True, "CCC-CCC"),
    ]
    for number, (method, detail, safe, reference) in enumerate(people):
        Interest.objects.create(
            **common,
            reference=reference,
            contact_method=method,
            contact_detail=detail,
            contact_key=f"key{number}",
            safe_to_leave_message=safe,
            token_hash=str(number) * 64,
        )
    apps.get_model("ladder", "Invitation").objects.create(
        partner_id=partner.pk,
        scope_name="Panel",
        lead_name="Lee",
        lead_email="lee@example.org",
        expires_at=timezone.now() + timedelta(days=9),
        token_salt="s",
        answer_token_hash="a" * 64,
        lead_token_hash="b" * 64,
    )
    Assessment = apps.get_model("ladder", "SelfAssessment")
    Assessment.objects.create(token_hash="c" * 64, version_id=version.pk, contact_email="a@b.org")
    Assessment.objects.create(token_hash="d" * 64, version_id=version.pk)

    migrate()

    sam = ExpressionOfInterest.objects.get(reference="AAA-AAA")
    assert (sam.contact_email, sam.email_ok, sam.email_safe) == ("sam@example.org", True, True)
    assert sam.usable_channels() == ["email"] and sam.text_safe and sam.call_safe
    texter = ExpressionOfInterest.objects.get(reference="BBB-BBB")
    assert (texter.contact_phone, texter.text_ok, texter.call_ok) == ("07700 900111", True, False)
    assert not any([texter.email_safe, texter.text_safe, texter.call_safe])
    assert texter.needs_second_factor
    caller = ExpressionOfInterest.objects.get(reference="CCC-CCC")
    assert caller.usable_channels() == ["call"] and caller.is_safe("call")
    invitation = Invitation.objects.get()
    assert invitation.contact_email == "lee@example.org"
    assert invitation.email_ok and invitation.email_safe and len(invitation.reference) == 7
    with_email = SelfAssessment.objects.get(token_hash="c" * 64)
    assert with_email.email_ok and not with_email.email_safe
    assert not SelfAssessment.objects.get(token_hash="d" * 64).email_ok
