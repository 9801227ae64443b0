"""Closing the loop: when an opportunity's outcome is published, each person
who asked is emailed once."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from home.models import AccessSupport, Area, SiteSettings, Topic
from ladder.models import Rung
from opportunities.models import ExpressionOfInterest
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import make_interest, phone_only
from tests.opportunities.test_pages_and_admin import opportunity_form

pytestmark = pytest.mark.django_db

OUTCOME = "<p>The council rewrote its repairs letters with the panel.</p>"


@pytest.fixture
def taxonomy(db):
    return {
        "topic": Topic.objects.create(name="Housing"),
        "area": Area.objects.create(name="Salford"),
        "bsl": AccessSupport.objects.create(name="BSL interpreter"),
        "step_free": AccessSupport.objects.create(name="Step-free venue"),
        "rung": Rung.objects.create(level=1, name="Consulted", short_description="Asked."),
    }


@pytest.fixture
def closed(board):
    return make_opportunity(
        board,
        title="Tenant panel",
        slug="tenant-panel",
        closes_at=timezone.now() - timedelta(days=3),
    )


@pytest.fixture
def people(closed):
    return {
        "asked": make_interest(closed, wants_outcome=True, name="Ash")[0],
        "asked too": make_interest(closed, wants_outcome=True, status="selected")[0],
        "did not ask": make_interest(closed, wants_outcome=False)[0],
        "withdrew": make_interest(closed, wants_outcome=True, status="withdrawn")[0],
        "by phone": make_interest(closed, wants_outcome=True, **phone_only("07700900982"))[0],
    }


def publish_outcome_in_admin(client, page, taxonomy, outcome=OUTCOME):
    data = opportunity_form(
        taxonomy,
        title=page.title,
        slug=page.slug,
        closes_at=timezone.localtime(page.closes_at).strftime("%Y-%m-%d %H:%M"),
        outcome=rich_text(outcome),
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), data)


def test_publishing_the_outcome_emails_each_person_who_asked_once(
    moderator_client,
    closed,
    people,
    taxonomy,
    django_capture_on_commit_callbacks,
):
    site_settings = SiteSettings.load()
    site_settings.notification_email = "team@example.org"
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_outcome_in_admin(moderator_client, closed, taxonomy)
    assert response.status_code == 302, response.content.decode()[:2000]
    team = [message for message in mail.outbox if message.to == ["team@example.org"]]
    # The person who gave a phone number: the team is asked to call, with a link only.
    assert len(team) == 1 and "1 person who asked" in team[0].body
    assert f"?opportunity={closed.pk}&wants_outcome=true" in team[0].body
    assert "07700900982" not in team[0].body
    mail.outbox[:] = [message for message in mail.outbox if message not in team]
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == sorted([people["asked"].contact_email, people["asked too"].contact_email])
    ash = next(m for m in mail.outbox if m.to == [people["asked"].contact_email])
    assert ash.subject == "What changed: Tenant panel"
    assert "Dear Ash" in ash.body and "/tenant-panel/" in ash.body
    for key in ("asked", "asked too"):
        people[key].refresh_from_db()
        assert people[key].outcome_notice_sent_at is not None

    # Publishing again (or the daily command) sends nothing more.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish_outcome_in_admin(moderator_client, closed, taxonomy, OUTCOME + "<p>More.</p>")
        call_command("send_outcome_notices")
    assert mail.outbox == []


def test_no_notice_while_the_outcome_is_empty_or_the_opportunity_is_open(
    board, django_capture_on_commit_callbacks
):
    open_page = make_opportunity(board)
    make_interest(open_page, wants_outcome=True)
    with django_capture_on_commit_callbacks(execute=True):
        open_page.outcome = OUTCOME
        open_page.save_revision().publish()
    assert mail.outbox == []
    assert not ExpressionOfInterest.objects.filter(outcome_notice_sent_at__isnull=False).exists()


def test_daily_command_catches_outcomes_published_before_closing(
    board, django_capture_on_commit_callbacks
):
    page = make_opportunity(board, closes_at=timezone.now() + timedelta(hours=1))
    record, _ = make_interest(page, wants_outcome=True)
    with django_capture_on_commit_callbacks(execute=True):
        page.outcome = OUTCOME
        page.save_revision().publish()
    assert mail.outbox == []
    type(page).objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_outcome_notices")
        call_command("send_outcome_notices")
    assert [message.to for message in mail.outbox] == [[record.contact_email]]
