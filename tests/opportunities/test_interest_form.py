"""A person expresses interest through the public form, and checks or withdraws it."""

import contextlib
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone

from home.models import SiteSettings
from opportunities.interest.services import find_by_token
from opportunities.interest.views import CONTACT_LIMIT, IP_LIMIT
from opportunities.models import ExpressionOfInterest
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url, make_interest

pytestmark = pytest.mark.django_db


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Post the form as a person would; emails queued after commit are sent."""

    def post(client, page, **overrides):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(interest_url(page), form_data(**overrides))

    return post


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    settings = SiteSettings.load()
    settings.contact_phone = "0161 496 0000"
    settings.contact_email = "hello@example.org"
    settings.notification_email = "team@example.org"
    settings.reply_time_working_days = 5
    settings.retention_days = 180
    settings.save()
    return settings


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title="Shape the mental health crisis line")


def private_link(text):
    match = re.search(r"(/opportunities/[^\s\"]+/interest/status/[^/\s\"]+/)", text)
    assert match, text
    return match.group(1)


def test_opportunity_page_links_to_the_form(client, opportunity):
    html = client.get(opportunity.url).content.decode()
    assert f'href="{interest_url(opportunity)}"' in html


def test_form_says_what_is_kept_for_how_long_and_other_ways(client, opportunity):
    response = client.get(interest_url(opportunity))
    html = response.content.decode()
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" in html
    assert "180 days after the opportunity closes" in html
    assert "0161 496 0000" in html
    assert 'name="access_needs_consent"' in html and "checked" not in html
    assert "no-store" in response["Cache-Control"]
    # A page that posts a form keeps same-origin: from a no-referrer page,
    # browsers send "Origin: null", which the CSRF check refuses.
    assert response["Referrer-Policy"] == "same-origin"


def test_submit_stores_once_confirms_and_emails(send, client, opportunity):
    response = send(client, opportunity, wants_outcome="on")
    assert response.status_code == 303
    record = ExpressionOfInterest.objects.get()
    assert record.opportunity_title == "Shape the mental health crisis line"
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", record.reference)
    assert record.status == "new" and record.wants_outcome and record.consent
    assert len(record.token_hash) == 64
    assert record.token_expires_at > opportunity.closes_at

    confirmation = client.get(response["Location"])
    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert record.reference in html
    assert "What happens next" in html
    assert "no-store" in confirmation["Cache-Control"]
    assert confirmation["Referrer-Policy"] == "no-referrer"
    link = private_link(html)
    assert record.token_hash not in link

    person, team = sorted(mail.outbox, key=lambda message: message.to != ["sam@example.org"])
    assert person.to == ["sam@example.org"]
    assert record.reference in person.body and link in person.body
    assert team.to == ["team@example.org"]
    assert f"/admin/expressions-of-interest/inspect/{record.pk}/" in team.body
    for personal in ["Sam", "sam@example.org", record.reference, "crisis line"]:
        assert personal not in team.body and personal not in team.subject


def test_the_confirmation_address_carries_no_token_and_opens_only_in_that_browser(
    send, client, opportunity
):
    response = send(client, opportunity)
    sent_url = response["Location"]
    assert sent_url == interest_url(opportunity) + "sent/"  # no query string, no token
    html = client.get(sent_url).content.decode()
    token = private_link(html).rstrip("/").rsplit("/", 1)[1]
    assert token not in sent_url
    assert client.get(sent_url).status_code == 200  # a reload still shows it

    from django.test import Client

    elsewhere = Client().get(sent_url)
    assert elsewhere.status_code == 404
    assert token not in elsewhere.content.decode()
    cache.clear()  # the receipt's half hour is over
    assert client.get(sent_url).status_code == 404


def test_someone_whose_email_is_not_safe_is_told_to_keep_their_reference(send, client, opportunity):
    response = send(client, opportunity, email_wish="private")
    html = client.get(response["Location"]).content.decode()
    record = ExpressionOfInterest.objects.get()
    assert record.email_ok and not record.email_safe and record.needs_second_factor
    assert "Keep your reference somewhere safe" in html and record.reference in html
    assert 'href="/cover-your-tracks/"' in html


def test_an_older_record_gets_a_new_link_with_its_next_message(opportunity):
    """Records from before links were derived cannot show their link again:
    the next message carries a new one, and the old one stops working."""
    record, old_token = make_interest(opportunity)
    type(record).objects.filter(pk=record.pk).update(token_salt="")
    record.refresh_from_db()
    new_token = record.private_link_token()
    assert new_token != old_token and record.token_salt
    assert record.private_link_token() == new_token  # the same link from now on
    assert find_by_token(opportunity, old_token) is None
    assert find_by_token(opportunity, new_token) == record


def test_after_the_secret_key_changes_the_next_message_carries_a_link_that_works(
    opportunity, settings
):
    record, old_token = make_interest(opportunity)
    record.refresh_from_db()
    settings.SECRET_KEY = "a-new-secret-key-after-an-incident-0123456789abcdef"
    new_token = record.private_link_token()
    assert new_token != old_token
    assert find_by_token(opportunity, new_token) == record
    assert find_by_token(opportunity, old_token) is None


def test_confirmation_promises_a_reply_date_in_working_days(send, client, opportunity, monkeypatch):
    friday = timezone.make_aware(timezone.datetime(2026, 11, 27, 10, 0))
    monkeypatch.setattr(timezone, "now", lambda: friday)
    response = send(client, opportunity)
    html = client.get(response["Location"]).content.decode()
    assert "Friday 4 December 2026" in html  # five working days after a Friday


def test_private_link_shows_status_and_withdraws(
    send, client, opportunity, django_capture_on_commit_callbacks
):
    response = send(client, opportunity)
    link = private_link(client.get(response["Location"]).content.decode())
    mail.outbox.clear()

    status = client.get(link)
    assert status.status_code == 200
    assert "New" in status.content.decode()
    assert "no-store" in status["Cache-Control"] and status["Referrer-Policy"] == "no-referrer"
    assert "Sam Jones" not in status.content.decode()  # the link shows no personal details

    with django_capture_on_commit_callbacks(execute=True):
        confirm = client.get(link + "withdraw/")
        assert "Are you sure you want to withdraw?" in confirm.content.decode()
        assert "no-store" in confirm["Cache-Control"]
        assert ExpressionOfInterest.objects.get().status == "new"
        withdrawn = client.post(link + "withdraw/")
    assert withdrawn.status_code == 303
    assert ExpressionOfInterest.objects.get().status == "withdrawn"
    assert "You have withdrawn" in client.get(link).content.decode()
    team, person = sorted(mail.outbox, key=lambda message: message.to != ["team@example.org"])
    assert team.to == ["team@example.org"] and "Sam" not in team.body
    assert person.to == ["sam@example.org"] and "You have withdrawn" in person.subject


def test_a_private_link_never_opens_another_record(client, board, opportunity):
    other = make_opportunity(board)
    mine, my_token = make_interest(opportunity)
    theirs, their_token = make_interest(other)
    assert client.get(f"{other.url}interest/status/{my_token}/").status_code == 404
    assert client.get(f"{opportunity.url}interest/status/{their_token}/").status_code == 404
    assert client.get(f"{opportunity.url}interest/status/{'x' * 43}/").status_code == 404
    response = client.post(f"{other.url}interest/status/{my_token}/withdraw/")
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.status == "new"
    assert client.get(f"{opportunity.url}interest/status/{my_token}/").status_code == 200


def test_an_expired_link_does_not_open(client, opportunity):
    record, token = make_interest(opportunity, token_expires_at=timezone.now() - timedelta(1))
    assert client.get(f"{opportunity.url}interest/status/{token}/").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "Enter your name"),
        ({"contact_email": "not-an-email"}, "contact_email", "right format"),
        ({"contact_phone": "12ab", "text_wish": "safe"}, "contact_phone", "Enter a phone number"),
        ({"email_wish": None}, "email_wish", "Tell us if we may email you"),
        (
            {"contact_email": None, "email_wish": None, "name": ""},
            "email_wish",
            "Tell us at least one way we may contact you",
        ),
        ({"call_wish": "private"}, "contact_phone", "Enter your phone number"),
        ({"support_worker_wish": "safe"}, "support_worker", "Enter your support worker"),
        ({"consent": None}, "consent", "Tick the box to agree"),
        ({"on_behalf_of": "on"}, "on_behalf_of_name", "Enter the name of the person"),
        ({"access_needs": "A BSL interpreter"}, "access_needs_consent", "keep your access needs"),
    ],
)
def test_errors_are_shown_beside_the_field_keep_input_and_save_nothing(
    send, client, opportunity, overrides, field, message
):
    overrides.setdefault("anything_else", "I use a wheelchair =cmd")
    response = send(client, opportunity, **overrides)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    anchor = f"#id_{field}" + ("_0" if field.endswith("_wish") else "")
    assert f'href="{anchor}"' in html
    assert f'id="id_{field}-error"' in html and message in html
    assert "I use a wheelchair =cmd" in html  # what was typed is kept
    assert "<title>Error:" in html
    assert not ExpressionOfInterest.objects.exists()
    assert not mail.outbox


def test_access_needs_are_kept_only_with_their_own_consent(send, client, opportunity):
    send(client, opportunity, access_needs="Step-free access", access_needs_consent="on")
    assert ExpressionOfInterest.objects.get().access_needs == "Step-free access"


def test_filling_in_for_someone_else(send, client, opportunity):
    send(client, opportunity, on_behalf_of="on", on_behalf_of_name="Pat Jones")
    record = ExpressionOfInterest.objects.get()
    assert record.on_behalf_of and record.person_name == "Pat Jones"


def test_a_duplicate_looks_the_same_and_stores_nothing_new(send, client, opportunity):
    first = send(client, opportunity)
    first_page = client.get(first["Location"]).content.decode()
    mail.outbox.clear()
    second = send(client, opportunity, name="Someone Else", contact_email=" SAM@Example.org ")
    assert second.status_code == 303
    second_page = client.get(second["Location"]).content.decode()
    assert ExpressionOfInterest.objects.count() == 1
    record = ExpressionOfInterest.objects.get()
    assert record.name == "Sam Jones"
    # The same page, with a reference that is not the stored one: nothing says "already".
    strip = lambda html: re.sub(r"[A-Z2-9]{3}-[A-Z2-9]{3}|status/[^/]+/", "", html)  # noqa: E731
    assert strip(first_page) == strip(second_page)
    assert record.reference not in second_page
    assert "already" not in second_page.lower()
    # Only the owner of the address hears, and the team is not told twice.
    assert [message.to for message in mail.outbox] == [["sam@example.org"]]
    assert "already have your interest" in mail.outbox[0].body


def test_same_phone_number_typed_differently_is_a_duplicate(send, client, opportunity):
    by_phone = {"contact_email": None, "email_wish": None}
    send(client, opportunity, **by_phone, contact_phone="07700 900982", call_wish="safe")
    send(client, opportunity, **by_phone, contact_phone="+44 7700-900-982", text_wish="private")
    assert ExpressionOfInterest.objects.count() == 1


def test_honeypot_stores_nothing_and_asks_to_send_again(send, client, opportunity):
    response = send(client, opportunity, website_url="http://spam.example")
    html = response.content.decode()
    assert response.status_code == 200
    assert "We could not send your form" in html
    assert 'value="http://spam.example"' not in html
    assert "Sam Jones" in html
    assert not ExpressionOfInterest.objects.exists()
    assert not mail.outbox


def test_too_fast_stores_nothing(send, client, opportunity):
    from opportunities.interest.forms import InterestForm

    response = send(client, opportunity, form_started=InterestForm().initial["form_started"])
    assert "We could not send your form" in response.content.decode()
    assert not ExpressionOfInterest.objects.exists()


def test_a_reused_start_time_is_refused(send, client, opportunity):
    """One start time sends one form: sending the same page twice over (a
    replay) stores one record and asks again for the second."""
    from tests.opportunities.interest_helpers import started_a_minute_ago

    stamp = started_a_minute_ago()
    send(client, opportunity, form_started=stamp)
    replay = send(client, opportunity, form_started=stamp, contact_email="other@example.org")
    assert "We could not send your form" in replay.content.decode()
    assert ExpressionOfInterest.objects.count() == 1


def test_rate_limit_per_client_ip_shows_the_phone_number(client, opportunity, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(IP_LIMIT):
        response = client.post(
            interest_url(opportunity),
            form_data(contact_email=f"person{number}@example.org"),
            HTTP_X_FORWARDED_FOR="203.0.113.9",
        )
        assert response.status_code == 303
    blocked = client.post(
        interest_url(opportunity),
        form_data(contact_email="one-too-many@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    html = blocked.content.decode()
    assert blocked.status_code == 429
    assert "We could not take this form just now" in html and "0161 496 0000" in html
    assert "one-too-many@example.org" in html  # what was typed is kept
    assert ExpressionOfInterest.objects.count() == IP_LIMIT
    other_ip = client.post(
        interest_url(opportunity),
        form_data(contact_email="one-too-many@example.org"),
        HTTP_X_FORWARDED_FOR="203.0.113.10",
    )
    assert other_ip.status_code == 303


def test_rate_limit_per_contact_detail(send, client, board):
    pages = [make_opportunity(board) for _ in range(CONTACT_LIMIT + 1)]
    for page in pages[:CONTACT_LIMIT]:
        assert send(client, page).status_code == 303
    blocked = send(client, pages[CONTACT_LIMIT])
    assert blocked.status_code == 429
    assert ExpressionOfInterest.objects.count() == CONTACT_LIMIT


def test_closed_paused_or_full_opportunities_take_no_interest(send, client, board, site_settings):
    closed = make_opportunity(board, closes_at=timezone.now() - timedelta(days=1))
    full = make_opportunity(board, places=1)
    make_interest(full, status="selected")
    ticked = make_opportunity(board, places_filled=True)
    for page in (closed, full, ticked):
        response = send(client, page)
        assert response.status_code == 200
        assert "not taking interest" in response.content.decode()
    assert ExpressionOfInterest.objects.count() == 1
    assert "All places are filled" in client.get(full.url).content.decode()

    site_settings.expressions_of_interest_open = False
    site_settings.save()
    open_one = make_opportunity(board)
    assert "not taking interest" in send(client, open_one).content.decode()
    assert ExpressionOfInterest.objects.count() == 1


def test_places_count_selected_people_not_interest(send, client, board):
    page = make_opportunity(board, places=2)
    make_interest(page, status="new")
    make_interest(page, status="contacted")
    make_interest(page, status="selected")
    assert send(client, page).status_code == 303
    assert "Places filled" not in client.get(page.url).content.decode()


def test_post_parameters_are_marked_sensitive(rf, opportunity):
    from opportunities.interest import views as interest_views

    request = rf.post(interest_url(opportunity), form_data())
    request.user = None
    request.session = {}
    with contextlib.suppress(Exception):  # only the marker on the request matters here
        interest_views.interest_form(request, opportunity)
    assert request.sensitive_post_parameters == "__ALL__"


def test_str_carries_no_personal_data(opportunity):
    record, _ = make_interest(opportunity, name="Unique Name", contact_email="u@example.org")
    assert str(record) == f"Expression of interest {record.reference}"


@pytest.mark.parametrize("people", [0, 40])
def test_form_and_opportunity_pages_query_budget_does_not_grow(
    client, board, django_assert_max_num_queries, people
):
    page = make_opportunity(board, places=50)
    for _ in range(people):
        make_interest(page, status="selected")
    with django_assert_max_num_queries(25):
        assert client.get(interest_url(page)).status_code == 200
    with django_assert_max_num_queries(40):
        assert client.get(page.url).status_code == 200


def test_nothing_personal_is_logged(send, client, opportunity, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    send(client, opportunity, name="Loggable Name", contact_email="loggable@example.org")
    send(client, opportunity, name="Loggable Name", contact_email="loggable@example.org")
    send(client, opportunity, name="", contact_email="loggable@example.org")
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert "Loggable" not in logged and "loggable@example.org" not in logged
