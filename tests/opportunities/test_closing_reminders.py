""" "Remind me before it closes": asked for on the opportunity's page, sent
once two days before the closing date by ``send_closing_reminders``, by email
or text as the person's wishes allow, never after they expressed interest;
rate-limited; deleted by the purge once the opportunity has closed."""

import io
import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from home import form_protection
from home.models import SiteSettings
from opportunities.models import ClosingReminder, ClosingReminderMessages, ExpressionOfInterest
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url

pytestmark = pytest.mark.django_db

TITLE = "Shape the housing repairs service"
MOBILE = "07400 123456"
SHORT_LINK = re.compile(r"http://testserver/m/[A-Za-z0-9_-]{43}/")


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    site = SiteSettings.load()
    site.organisation_name = "Co-pro Network"
    site.save()
    return site


@pytest.fixture
def opportunity(board):
    return make_opportunity(
        board, title=TITLE, slug="repairs", closes_at=timezone.now() + timedelta(days=10)
    )


def form_url(page):
    return page.url + "remind-me/"


def started():
    return form_protection.issue_start_time("opportunities.closing_reminder", time.time() - 60)


def ask(client, page, **answers):
    return client.post(form_url(page), {"form_started": started(), "website_url": "", **answers})


def by_email(safe=True, address="sam@example.org"):
    return {"contact_email": address, "email_wish": "safe" if safe else "private"}


def by_text(safe=True, number=MOBILE):
    return {"contact_phone": number, "text_wish": "safe" if safe else "private"}


def closing_in(page, delta):
    type(page).objects.filter(pk=page.pk).update(closes_at=timezone.now() + delta)


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def command():
        mail.outbox.clear()
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_closing_reminders", stdout=out)
        return out.getvalue()

    return command


def test_asked_by_email_from_the_page_and_sent_once_two_days_before(client, opportunity, run):
    page = client.get(opportunity.url).content.decode()
    assert f'href="{form_url(opportunity)}"' in page
    form = client.get(form_url(opportunity))
    assert "Remind me before it closes" in form.content.decode()
    assert form["Cache-Control"].startswith("no-store")

    response = ask(client, opportunity, **by_email())
    assert response.status_code == 303
    done = client.get(response["Location"]).content.decode()
    reminder = ClosingReminder.objects.get()
    assert "We will remind you" in done and reminder.reference in done
    assert mail.outbox == []  # nothing until two days before

    closing_in(opportunity, timedelta(days=3))
    assert run() == "0 reminders sent.\n"
    closing_in(opportunity, timedelta(days=1, hours=23))
    assert run() == "1 reminder sent.\n"
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == f"Closing soon: {TITLE}"
    assert "http://testserver/opportunities/repairs/" in email.body
    [link] = re.findall(r"http://testserver(/opportunities/repairs/remind-me/\S+/)", email.body)
    assert TITLE in client.get(link).content.decode()
    assert run() == "0 reminders sent.\n"


def test_asked_by_text_gets_a_text_whose_link_stops_the_reminder(
    client, opportunity, run, text_outbox
):
    ask(client, opportunity, **by_text())
    closing_in(opportunity, timedelta(days=1))
    run()
    [text] = text_outbox
    assert text.to == "+447400123456"
    assert text.body.startswith(f"Co-pro Network: {TITLE} closes ")
    [link] = SHORT_LINK.findall(text.body)
    own_page = client.get(link.removeprefix("http://testserver"), follow=True)
    assert "Stop and delete my reminder" in own_page.content.decode()
    stopped = client.post(own_page.redirect_chain[-1][0])
    assert "Reminder stopped" in stopped.content.decode()
    assert not ClosingReminder.objects.exists()


def test_no_reminder_once_they_have_expressed_interest(
    client, opportunity, run, django_capture_on_commit_callbacks
):
    ask(client, opportunity, **by_email(address="Sam@Example.org"))
    ask(client, opportunity, **by_email(address="other@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(interest_url(opportunity), form_data(contact_email="sam@example.org"))
    assert ExpressionOfInterest.objects.count() == 1
    closing_in(opportunity, timedelta(days=1))
    assert run() == "1 reminder sent.\n"
    assert [email.to for email in mail.outbox] == [["other@example.org"]]


def test_editors_wording_is_what_people_get(client, opportunity, run):
    wording = ClosingReminderMessages.load()
    wording.subject = "Last call: {opportunity}"
    wording.save()
    ask(client, opportunity, **by_email())
    closing_in(opportunity, timedelta(days=1))
    run()
    assert mail.outbox[0].subject == f"Last call: {TITLE}"


def test_a_landline_for_texts_is_refused_beside_the_field_and_nothing_is_saved(client, opportunity):
    response = ask(client, opportunity, **by_text(number="0161 496 0123"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "we can only text mobiles" in page
    assert 'value="0161 496 0123"' in page
    assert not ClosingReminder.objects.exists()


def test_asking_again_stores_nothing_more_and_looks_the_same(client, opportunity):
    first = ask(client, opportunity, **by_email())
    second = ask(client, opportunity, **by_email())
    assert first.status_code == second.status_code == 303
    assert ClosingReminder.objects.count() == 1


def test_rate_limited_per_contact(client, opportunity, board):
    others = [
        make_opportunity(
            board, title=f"Other {n}", slug=f"other-{n}", closes_at=opportunity.closes_at
        )
        for n in range(5)
    ]
    for page in others:
        assert ask(client, page, **by_email()).status_code == 303
    blocked = ask(client, opportunity, **by_email())
    assert blocked.status_code == 429
    assert ClosingReminder.objects.count() == 5


def test_too_late_to_ask_within_two_days_of_closing(client, opportunity):
    closing_in(opportunity, timedelta(days=1))
    page = client.get(form_url(opportunity)).content.decode()
    assert "Too late for a reminder" in page
    assert "<form" not in page.split("<main", 1)[-1]


def test_malformed_private_links_are_not_found(client, opportunity):
    assert client.get(form_url(opportunity) + "x" * 300 + "/").status_code == 404
    assert client.get(form_url(opportunity) + "not-a-token/").status_code == 404


def test_purged_once_the_opportunity_has_closed(client, opportunity, board):
    ask(client, opportunity, **by_email())
    open_one = make_opportunity(board, title="Open", slug="open", closes_at=opportunity.closes_at)
    ask(client, open_one, **by_email())
    closing_in(opportunity, -timedelta(minutes=1))
    call_command("purge_personal_data", stdout=io.StringIO())
    assert list(ClosingReminder.objects.values_list("opportunity_id", flat=True)) == [open_one.pk]


def test_found_and_erased_by_the_personal_data_tools(client, opportunity):
    ask(client, opportunity, **by_text())
    out = io.StringIO()
    call_command("personal_data_request", phone="+44 7400 123456", stdout=out)
    assert "Closing reminder" in out.getvalue()
    call_command("personal_data_request", phone="07400123456", erase=True, stdout=io.StringIO())
    assert not ClosingReminder.objects.exists()
