"""The registry of personal-data sources, and the engine that knows no app by name:
a source registered through the hook is found, exported, erased and purged
like any other, and a declaration the tools could not honour is refused."""

import json
from contextlib import ExitStack
from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail import hooks

from home.models import SiteSettings, Topic
from privacy import subject_requests
from privacy.registry import (
    DELETE_RECORD,
    REGISTER_PERSONAL_DATA_SOURCES,
    NotPersonal,
    PersonalDataSource,
    RetentionRule,
    blank_fields,
    personal_data_sources,
)
from privacy.retention import purge

pytestmark = pytest.mark.django_db


def topics_named(contact):
    # A stand-in: a list item whose name is someone's email address.
    return Topic.objects.filter(name__iexact=contact.email) if contact.email else []


def source(**changes):
    declared = {
        "label": "Topic named after someone",
        "model": Topic,
        "personal_fields": ("name", "description"),
        "find": topics_named,
        "export": lambda topic: {"name": topic.name},
        "erasure": DELETE_RECORD,
        "retention": RetentionRule(
            when="at once",
            what="topics named after people",
            expired=lambda clock: Topic.objects.filter(description="past its time"),
        ),
    }
    return PersonalDataSource(**{**declared, **changes})


@pytest.fixture
def registered():
    """Registers declarations through the hook for the length of a test."""
    with ExitStack() as stack:

        def register(*declarations):
            stack.enter_context(
                hooks.register_temporarily(
                    REGISTER_PERSONAL_DATA_SOURCES, lambda: list(declarations)
                )
            )
            personal_data_sources.reset()

        yield register
    personal_data_sources.reset()


def test_every_app_declares_its_sources_through_the_hook():
    labels = {source.label for source in personal_data_sources.sources}
    assert {
        "Expression of interest",
        "Ladder self-assessment (contact details)",
        "Ladder assessment invitation (lead contact)",
        "Partner profile (public contact)",
        "Staff account",
        "Email in the sending queue",
        "Text message",
    } <= labels
    assert personal_data_sources.personal_fields()["ladder.Invitation.contact_email"].label == (
        "Ladder assessment invitation (lead contact)"
    )
    assert "home.SiteSettings.notification_email" in personal_data_sources.not_personal()


def test_a_source_from_the_hook_is_found_exported_erased_and_purged(registered):
    registered(source(), NotPersonal("home.Topic.slug", "a web address"))
    sam = Topic.objects.create(name="sam@example.org", slug="sam")
    old = Topic.objects.create(name="Old", slug="old", description="past its time")
    kept = Topic.objects.create(name="Housing", slug="housing")
    assert personal_data_sources.not_personal()["home.Topic.slug"] == "a web address"

    found = subject_requests.find(email="SAM@example.org")
    assert [(m.source, m.record_id) for m in found] == [("Topic named after someone", str(sam.pk))]
    assert json.loads(subject_requests.export(found))["records"][0]["data"] == {
        "name": "sam@example.org"
    }
    assert subject_requests.erase(found) == 1
    assert not Topic.objects.filter(pk=sam.pk).exists()

    report = purge(dry_run=True)
    assert "Deleted 1 topics named after people." in str(report).splitlines()
    assert Topic.objects.filter(pk=old.pk).exists()
    purge()
    assert list(Topic.objects.filter(pk__in=[old.pk, kept.pk])) == [kept]


def test_blanking_keeps_the_record(registered):
    registered(source(erasure=blank_fields("description")))
    topic = Topic.objects.create(name="sam@example.org", slug="sam", description="Sam's note")
    subject_requests.erase(subject_requests.find(email="sam@example.org"))
    topic.refresh_from_db()
    assert topic.description == "" and topic.name == "sam@example.org"


def test_the_purge_uses_the_retention_period_from_site_settings(registered):
    settings = SiteSettings.load()
    settings.retention_days = 30
    settings.save()
    seen = []

    def expired(clock):
        seen.append(clock.cutoff)
        return Topic.objects.none()

    registered(source(retention=RetentionRule(when="-", what="topics", expired=expired)))
    now = timezone.now()
    purge(now=now)
    assert seen == [now - timedelta(days=30)]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"personal_fields": ("name", "nickname")}, "home.Topic.nickname, which does not exist"),
        ({"erasure": blank_fields("slug")}, "blanks fields it does not declare personal"),
        ({"retention": None}, "say why it is kept"),
        ({"find": None}, "cannot be found by email or phone: say why"),
    ],
)
def test_a_declaration_the_tools_could_not_honour_is_refused(registered, changes, message):
    registered(source(**changes))
    with pytest.raises(ImproperlyConfigured, match=message):
        subject_requests.find(email="sam@example.org")


def test_a_field_declared_by_two_sources_is_refused(registered):
    registered(source(), source(label="Again"))
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        subject_requests.find(email="sam@example.org")
