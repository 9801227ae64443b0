"""Retention and rights: purge on a controlled clock, and subject-access and
erasure requests across every model that holds an email or phone number."""

import json
from datetime import timedelta

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.emails import send_email
from home.models import SiteSettings
from opportunities.interest import services as interest
from opportunities.models import ExpressionOfInterest
from privacy import subject_requests
from privacy.models import PersonalDataAccess
from privacy.registry import personal_data_sources
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest, phone_only

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(timezone.datetime(2027, 6, 1, 3, 0))


def run_purge(now=NOW):
    from io import StringIO

    out = StringIO()
    call_command("purge_personal_data", now=now.isoformat(), stdout=out)
    return out.getvalue()


@pytest.fixture
def dated(board):
    """Opportunities that closed long ago, recently, and one still open (at NOW)."""
    settings = SiteSettings.load()
    settings.retention_days = 180
    settings.save()
    pages = {
        "old": make_opportunity(board, closes_at=NOW - timedelta(days=181)),
        "edge": make_opportunity(board, closes_at=NOW - timedelta(days=179)),
        "open": make_opportunity(board, closes_at=NOW + timedelta(days=5)),
    }
    records = {key: make_interest(page)[0] for key, page in pages.items()}
    interest.change_status([records["old"]], "contacted")
    return pages, records


def test_purge_deletes_only_what_is_past_the_window_and_is_safe_twice(dated):
    pages, records = dated
    old = records["old"]
    assert ModelLogEntry.objects.filter(object_id=str(old.pk)).exists()

    output = run_purge()
    assert "Deleted 1 expressions of interest" in output
    remaining = set(ExpressionOfInterest.objects.values_list("pk", flat=True))
    assert remaining == {records["edge"].pk, records["open"].pk}
    cutoff = NOW - timedelta(days=180)
    assert not ExpressionOfInterest.objects.filter(opportunity__closes_at__lt=cutoff).exists()
    # The audit log's label and the private link's hash went with the record.
    assert not ModelLogEntry.objects.filter(
        content_type__model="expressionofinterest", object_id=str(old.pk)
    ).exists()
    assert not ExpressionOfInterest.objects.filter(token_hash=old.token_hash).exists()

    assert "Deleted 0 expressions of interest" in run_purge()
    assert set(ExpressionOfInterest.objects.values_list("pk", flat=True)) == remaining

    # Three days later the second one is past the window too.
    run_purge(NOW + timedelta(days=3))
    assert list(ExpressionOfInterest.objects.values_list("pk", flat=True)) == [records["open"].pk]


def test_dry_run_deletes_nothing(dated):
    from io import StringIO

    out = StringIO()
    call_command("purge_personal_data", now=NOW.isoformat(), dry_run=True, stdout=out)
    assert "Would have: Deleted 1" in out.getvalue()
    assert ExpressionOfInterest.objects.count() == 3


def test_purge_uses_the_real_clock_by_default(dated, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    call_command("purge_personal_data")
    assert ExpressionOfInterest.objects.count() == 2


def make_assessment(email, created):
    from ladder.models import SelfAssessment
    from tests.ladder.factories import make_rungs, publish_questionnaire, theme_data

    questionnaire = publish_questionnaire(themes=[theme_data("Power", make_rungs(3))])
    assessment, _ = SelfAssessment.start(questionnaire.versions.order_by("-number").first())
    SelfAssessment.objects.filter(pk=assessment.pk).update(contact_email=email, created_at=created)
    assessment.refresh_from_db()
    return assessment


def test_purge_removes_old_assessment_emails_and_sent_emails(dated):
    from django_tasks_db.models import DBTaskResult

    old = make_assessment("lead@partner.example", NOW - timedelta(days=200))
    DBTaskResult.objects.create(
        task_path=send_email.module_path,
        args_kwargs={"args": ["Subject", "body", ["sam@example.org"]], "kwargs": {}},
        backend_name="default",
        run_after=NOW - timedelta(days=30),
        finished_at=NOW - timedelta(days=30),
        status="SUCCESSFUL",
    )
    run_purge()
    old.refresh_from_db()
    assert old.contact_email == ""
    assert old.result == {} or old.pk  # the anonymous answers stay
    assert not DBTaskResult.objects.exists()


def test_a_request_finds_exports_and_erases_everything_for_a_person(board, tmp_path):
    page = make_opportunity(board)
    other_page = make_opportunity(board)
    by_email, _ = make_interest(page, contact_email="Sam@Example.org", name="Sam")
    by_phone, _ = make_interest(
        other_page, **phone_only("07700 900982", channel="text"), name="Sam"
    )
    someone_else, _ = make_interest(page, contact_email="kim@example.org")
    interest.change_status([by_email], "contacted")
    assessment = make_assessment("sam@example.org", timezone.now())

    found = subject_requests.find(email="sam@example.org", phone="+44 7700 900982")
    assert {(m.source, m.record_id) for m in found} == {
        ("Expression of interest", str(by_email.pk)),
        ("Expression of interest", str(by_phone.pk)),
        ("Ladder self-assessment (contact details)", str(assessment.pk)),
    }

    export = tmp_path / "sam.json"
    call_command(
        "personal_data_request",
        email="sam@example.org",
        phone="07700900982",
        export=str(export),
        erase=True,
        stdout=__import__("io").StringIO(),
    )
    data = json.loads(export.read_text())
    assert len(data["records"]) == 3
    assert {r["data"].get("name") for r in data["records"]} >= {"Sam"}

    assert list(ExpressionOfInterest.objects.all()) == [someone_else]
    assessment.refresh_from_db()
    assert assessment.contact_email == ""
    assert not ModelLogEntry.objects.filter(
        content_type__model="expressionofinterest", object_id=str(by_email.pk)
    ).exists()
    actions = set(
        PersonalDataAccess.objects.filter(record_type="personal data request").values_list(
            "action", flat=True
        )
    )
    assert actions == {"searched", "exported", "erased"}
    assert subject_requests.find(email="sam@example.org", phone="07700900982") == []


def test_request_tool_in_the_admin(client, board, django_user_model, superuser):
    page = make_opportunity(board)
    record, _ = make_interest(page, contact_email="sam@example.org", name="Sam Jones")
    url = reverse("personal_data_request")

    editor = make_user(django_user_model, "ed", ["Editors"])
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    erase = {"email": "sam@example.org", "action": "erase", "confirm": "yes"}
    assert client.post(url, erase).status_code in (302, 403)
    assert ExpressionOfInterest.objects.filter(pk=record.pk).exists()

    caseworker = make_user(django_user_model, "caseworker", ["Personal data"])
    client.force_login(caseworker)
    assert client.get(url).status_code == 200
    found = client.post(url, {"email": "sam@example.org", "action": "search"})
    assert "Sam Jones" in found.content.decode()
    download = client.post(url, {"email": "sam@example.org", "action": "export"})
    assert json.loads(download.content)["records"][0]["data"]["name"] == "Sam Jones"
    not_confirmed = client.post(url, {"email": "sam@example.org", "action": "erase"})
    assert not_confirmed.status_code == 200
    assert ExpressionOfInterest.objects.filter(pk=record.pk).exists()
    client.post(url, {"email": "sam@example.org", "action": "erase", "confirm": "yes"})
    assert not ExpressionOfInterest.objects.filter(pk=record.pk).exists()
    bad = client.post(url, {"email": "", "phone": "", "action": "search"})
    assert "Give an email address or a phone number" in bad.content.decode()


def looks_personal(model_field):
    """An email address, a phone number, or a field whose help says it is personal."""
    name = getattr(model_field, "name", "")
    help_text = str(getattr(model_field, "help_text", "")).lower()
    return (
        isinstance(model_field, models.EmailField)
        or (
            isinstance(model_field, models.CharField)
            and ("phone" in name or name in {"support_worker", "text_number"})
        )
        or "personal data" in help_text
    )


def test_every_personal_field_is_declared_to_the_privacy_registry():
    """A new field holding an email, a phone number or anything its help calls
    personal data must be declared in its app's privacy.py (or as not personal)."""
    covered = set(personal_data_sources.personal_fields()) | set(
        personal_data_sources.not_personal()
    )
    project_apps = {
        "home",
        "privacy",
        "partners",
        "ladder",
        "opportunities",
        "payments",
        "signin",
        "auth",
    }
    missing = []
    for model in apps.get_models():
        if model._meta.app_label not in project_apps:
            continue
        for model_field in model._meta.get_fields():
            label = f"{model._meta.label}.{getattr(model_field, 'name', '')}"
            if looks_personal(model_field) and label not in covered:
                missing.append(label)
    assert not missing, f"Declare these in their app's privacy.py: {missing}"


def test_invitation_lead_contacts_are_found_erased_and_purged(home_page):
    from ladder.models import Invitation
    from tests.ladder.invitation_helpers import make_invitation, make_partner

    partner = make_partner(home_page)
    current = make_invitation(partner, contact_email="Lead@Example.org")
    ended = make_invitation(
        partner,
        scope_name="Old panel",
        contact_email="old@example.org",
        expires_at=NOW - timedelta(days=200),
    )
    found = subject_requests.find(email="lead@example.org")
    assert [(m.source, m.record_id) for m in found] == [
        ("Ladder assessment invitation (lead contact)", str(current.pk))
    ]
    subject_requests.erase(found)
    current.refresh_from_db()
    assert current.contact_email == "" and current.lead_name == ""
    assert Invitation.objects.filter(pk=current.pk).exists()  # the invitation itself stays

    run_purge()
    ended.refresh_from_db()
    assert ended.contact_email == "" and ended.scope_name == "Old panel"
