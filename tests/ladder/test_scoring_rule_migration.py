"""Migration 0011: every result and publication already stored keeps rule 1,
so it reads exactly as before; new ones are scored under rule 2."""

import datetime
from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from ladder.choices import ScoringRule
from ladder.models import Publication, SelfAssessment
from tests.ladder.factories import make_rungs, publish_questionnaire, theme_data
from tests.ladder.invitation_helpers import make_partner

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("ladder", "0010_contact_wishes")]


def migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_stored_results_and_publications_keep_rule_1(home_page):
    rungs = make_rungs(4)
    version = publish_questionnaire(themes=[theme_data("Decisions", rungs)]).latest_version()
    partner = make_partner(home_page)
    apps = migrate(BEFORE)
    Assessment = apps.get_model("ladder", "SelfAssessment")
    Assessment.objects.create(
        token_hash="c" * 64,
        version_id=version.pk,
        status="submitted",
        submitted_at=timezone.now(),
        result={"overall": {"id": rungs[1].pk, "level": 2, "name": "Rung 2"}},
    )
    invitation = apps.get_model("ladder", "Invitation").objects.create(
        partner_id=partner.pk,
        scope_name="Panel",
        lead_name="Lee",
        contact_email="lee@example.org",
        expires_at=timezone.now() + timedelta(days=9),
        token_salt="s",
        answer_token_hash="a" * 64,
        lead_token_hash="b" * 64,
    )
    apps.get_model("ladder", "Publication").objects.create(
        invitation_id=invitation.pk,
        rung_id=rungs[1].pk,
        rung_level=2,
        rung_name="Rung 2",
        respondent_count=5,
        assessed_on=datetime.date(2026, 11, 1),
    )

    migrate()

    assert SelfAssessment.objects.get().scoring_rule == ScoringRule.ALL_ANSWERS
    assert Publication.objects.get().scoring_rule == ScoringRule.ALL_ANSWERS
    fresh, _token = SelfAssessment.start(version)
    assert fresh.scoring_rule == ScoringRule.THEMES_WITH_REQUIREMENTS
