"""The personal data log moves from ``home`` to ``privacy`` and keeps everything.

Migrates a database back to the state before the privacy app (as on main
before this change), puts in what a live site would have, then migrates
forward and checks the same rows, content type, grants and log entries.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import ModelLogEntry

from privacy.models import PersonalDataAccess

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE_PRIVACY = [
    ("home", "0005_help_text_for_editors"),
    ("ladder", "0006_invitation_permissions"),
    ("privacy", None),
]


def migrate(targets=None):
    """Migrate to ``targets`` (default: the latest); the apps as they were there."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state([t for t in targets if t[1] is not None]).apps


def what_a_live_site_had(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    Entry = apps.get_model("home", "PersonalDataAccess")
    LogEntry = apps.get_model("wagtailcore", "ModelLogEntry")

    log_type, _ = ContentType.objects.get_or_create(app_label="home", model="personaldataaccess")
    read_log, _ = Permission.objects.get_or_create(
        content_type=log_type,
        codename="view_personaldataaccess",
        defaults={"name": "Can view personal data access"},
    )
    auditors = Group.objects.create(name="Auditors")
    auditors.permissions.add(read_log)
    lead_contacts = Permission.objects.get(
        content_type__app_label="ladder", codename="view_lead_contact"
    )
    dpo = User.objects.create(username="dpo")
    dpo.user_permissions.add(lead_contacts)
    entry = Entry.objects.create(
        username="pat", action="viewed", record_type="expression of interest", record_id="7"
    )
    log_entry = LogEntry.objects.create(
        content_type=log_type,
        object_id=str(entry.pk),
        label=f"Viewed expression of interest by pat ({entry.pk})",
        action="wagtail.create",
        timestamp=timezone.now(),
    )
    return {
        "content_type": log_type.pk,
        "permission": read_log.pk,
        "entry": entry.pk,
        "when": entry.when,
        "log_entry": log_entry.pk,
    }


def test_the_log_moves_to_privacy_with_its_rows_content_type_grants_and_log_entries():
    old = what_a_live_site_had(migrate(BEFORE_PRIVACY))
    assert "home_personaldataaccess" in connection.introspection.table_names()

    migrate()

    tables = connection.introspection.table_names()
    assert "privacy_personaldataaccess" in tables and "home_personaldataaccess" not in tables
    entry = PersonalDataAccess.objects.get(pk=old["entry"])
    assert (entry.username, entry.action, entry.record_id) == ("pat", "viewed", "7")
    assert entry.when == old["when"]
    # The same content type, renamed: same id, so everything pointing at it holds.
    # (Read from the table, not the content-type cache, which outlives migrations.)
    log_type = ContentType.objects.get(model="personaldataaccess")
    assert log_type.pk == old["content_type"] and log_type.app_label == "privacy"
    assert not ContentType.objects.filter(app_label="home", model="personaldataaccess").exists()
    assert Permission.objects.get(pk=old["permission"]).content_type_id == log_type.pk
    assert (
        Group.objects.get(name="Auditors")
        .permissions.filter(content_type__app_label="privacy", codename="view_personaldataaccess")
        .exists()
    )
    log_entry = ModelLogEntry.objects.get(pk=old["log_entry"])
    assert log_entry.content_type_id == log_type.pk and log_entry.object_id == str(entry.pk)

    # One permission for personal data: the group has it, and whoever held the
    # lead-contact permission by hand was given it before that one went.
    personal_data = Group.objects.get(name="Personal data")
    assert personal_data.permissions.filter(codename="view_personal_data").exists()
    assert not Permission.objects.filter(codename="view_lead_contact").exists()
    dpo = get_user_model().objects.get(username="dpo")
    assert dpo.has_perm("privacy.view_personal_data")


def test_going_back_restores_the_log_to_home():
    migrate(BEFORE_PRIVACY)
    tables = connection.introspection.table_names()
    assert "home_personaldataaccess" in tables and "privacy_personaldataaccess" not in tables
    assert ContentType.objects.get(model="personaldataaccess").app_label == "home"
    assert (
        Group.objects.get(name="Personal data")
        .permissions.filter(codename="view_lead_contact")
        .exists()
    )
    migrate()
