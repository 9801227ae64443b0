"""Alerts on a saved search, through the public pages and the commands:
subscribe from a filtered board (email or text), confirm by the link sent,
hear once about each matching opportunity when it is published (by an editor
or on schedule), one message per person, the weekly digest once, one-click
unsubscribe by POST, "this wasn't me", changing how often, rate limits, and
the purge of unconfirmed and lapsed alerts."""

import io
import re
import time
from datetime import timedelta
from urllib.parse import urlencode

import pytest
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from home import form_protection
from home.models import Area, SiteSettings, Topic
from home.private_links import new_reference
from opportunities.models import AlertSent, SearchAlert
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_index")]

ORG = "Co-pro Network"
MOBILE = "07400 123456"
SHORT_LINK = re.compile(r"http://testserver/m/[A-Za-z0-9_-]{43}/")


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    site = SiteSettings.load()
    site.organisation_name = ORG
    site.save()
    return site


@pytest.fixture
def housing(db):
    return Topic.objects.create(name="Housing")


@pytest.fixture
def publish(board, django_capture_on_commit_callbacks):
    """Publish an opportunity on the board as an editor would, and run what
    its publishing queued (the matching task)."""

    def publish_one(**fields):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return make_opportunity(board, **fields)

    return publish_one


def started():
    return form_protection.issue_start_time("opportunities.alerts", time.time() - 60)


def subscribe(client, board, query, capture, frequency="immediate", **answers):
    url = f"{board.url}alerts/?{urlencode(query)}"
    data = {"form_started": started(), "website_url": "", "frequency": frequency, **answers}
    with capture(execute=True):
        return client.post(url, data)


def by_email(address="sam@example.org", safe=True):
    return {"contact_email": address, "email_wish": "safe" if safe else "private"}


def by_text(number=MOBILE, safe=True):
    return {"contact_phone": number, "text_wish": "safe" if safe else "private"}


@pytest.fixture
def follow(client, board, django_capture_on_commit_callbacks):
    """Subscribe with these answers to the board filtered by ``query``, and
    confirm by the link in the email; returns the alert."""

    def follow_search(query, frequency="immediate", address="sam@example.org"):
        mail.outbox.clear()
        response = subscribe(
            client,
            board,
            query,
            django_capture_on_commit_callbacks,
            frequency,
            **by_email(address),
        )
        assert response.status_code == 303, response.content.decode()[:2000]
        [email] = mail.outbox
        confirm_path = re.search(r"http://testserver(/your-alerts/\S+/confirm/)", email.body)[1]
        assert client.get(confirm_path).status_code == 200
        client.post(confirm_path)
        mail.outbox.clear()
        return SearchAlert.objects.get(contact_email=address, query=urlencode(query))

    return follow_search


def test_subscribe_from_a_filtered_board_and_confirm_by_the_neutral_email(
    client, board, housing, django_capture_on_commit_callbacks
):
    query = {"q": "repairs", "topic": housing.slug}
    board_page = client.get(f"{board.url}?{urlencode(query)}").content.decode()
    assert f'href="{board.url}alerts/?q=repairs&amp;topic=housing"' in board_page
    form = client.get(f"{board.url}alerts/?{urlencode(query)}")
    assert "“repairs”" in form.content.decode()
    assert form["Cache-Control"].startswith("no-store")

    response = subscribe(client, board, query, django_capture_on_commit_callbacks, **by_email())
    assert response.status_code == 303
    sent_page = client.get(response["Location"]).content.decode()
    alert = SearchAlert.objects.get()
    assert alert.reference in sent_page and alert.confirmed_at is None
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert email.subject == f"Confirm your alerts from {ORG}"
    for word in ["repairs", "Housing", "housing"]:
        assert word not in email.body  # nothing about the search
    assert "/not-me/" in email.body

    confirm_path = re.search(r"http://testserver(/your-alerts/\S+/confirm/)", email.body)[1]
    client.get(confirm_path)
    alert.refresh_from_db()
    assert alert.confirmed_at is None  # opening the link (a mail scanner) confirms nothing
    assert client.post(confirm_path).status_code == 303
    alert.refresh_from_db()
    assert alert.confirmed_at is not None


def test_one_message_on_publish_for_a_match_never_twice_and_nothing_else(
    follow, publish, housing, board, django_capture_on_commit_callbacks
):
    follow({"topic": housing.slug})
    follow({"q": "repairs"})  # the same person, a second alert
    follow({"q": "repairs"}, address="kim@example.org")  # keywords alone
    publish(title="Tea and biscuits", slug="tea")
    assert mail.outbox == []
    page = publish(title="Shape housing repairs", slug="repairs", topics=[housing])
    # One message each, though both of Sam's alerts match.
    assert sorted(email.to[0] for email in mail.outbox) == ["kim@example.org", "sam@example.org"]
    email = mail.outbox[0]
    assert email.subject == "New opportunities like the ones you follow"
    assert "Shape housing repairs" in email.body
    assert "http://testserver/opportunities/repairs/" in email.body
    unsubscribe = re.fullmatch(r"<(http://testserver/your-alerts/\S+/unsubscribe/)>",
                               email.extra_headers["List-Unsubscribe"])  # fmt: skip
    assert unsubscribe
    assert email.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()  # published again after an edit
    assert mail.outbox == []
    assert AlertSent.objects.filter(opportunity=page).count() == 2  # one a person


def test_scheduled_publishing_sends_the_match_too(
    follow, board, housing, django_capture_on_commit_callbacks
):
    follow({"topic": housing.slug})
    draft = make_opportunity(board, title="Later", slug="later", topics=[housing], publish=False)
    draft.go_live_at = timezone.now() - timedelta(minutes=1)
    draft.save_revision(approved_go_live_at=draft.go_live_at)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled", stdout=io.StringIO())
    [email] = mail.outbox
    assert "Later" in email.body


def test_unconfirmed_alerts_hear_nothing(
    client, board, publish, django_capture_on_commit_callbacks
):
    subscribe(client, board, {}, django_capture_on_commit_callbacks, **by_email())
    publish(title="Anything", slug="anything")
    assert mail.outbox == []


def test_by_text_confirm_by_the_link_then_a_text_per_match(
    client, board, publish, text_outbox, django_capture_on_commit_callbacks
):
    subscribe(client, board, {}, django_capture_on_commit_callbacks, **by_text())
    [confirmation] = text_outbox
    [link] = SHORT_LINK.findall(confirmation.body)
    manage = client.get(link.removeprefix("http://testserver"), follow=True)
    assert "Confirm my alerts" in manage.content.decode()
    client.post(manage.redirect_chain[-1][0], {"action": "confirm"})
    publish(title="Anything", slug="anything")
    assert len(text_outbox) == 2
    assert text_outbox[1].body.startswith(f"{ORG}: 1 new opportunities for your saved search.")


def test_one_click_unsubscribe_needs_no_sign_in_nor_form(follow, publish, housing):
    alert = follow({"topic": housing.slug})
    follow({}, address="sam@example.org")
    publish(title="Shape housing repairs", slug="repairs", topics=[housing])
    url = mail.outbox[0].extra_headers["List-Unsubscribe"].strip("<>")
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix("http://testserver"), {"List-Unsubscribe": "One-Click"}
    )
    assert response.status_code == 200
    assert not SearchAlert.objects.filter(contact_key=alert.contact_key).exists()


def test_this_wasnt_me_deletes_it(client, board, django_capture_on_commit_callbacks):
    subscribe(client, board, {}, django_capture_on_commit_callbacks, **by_email())
    not_me = re.search(r"http://testserver(/your-alerts/\S+/not-me/)", mail.outbox[0].body)[1]
    assert "Delete them" in client.get(not_me).content.decode()
    assert SearchAlert.objects.exists()
    Client().post(not_me)
    assert not SearchAlert.objects.exists()


def test_change_to_weekly_through_the_private_page_then_one_digest_however_often_it_runs(
    client, follow, publish, housing, django_capture_on_commit_callbacks
):
    alert = follow({"topic": housing.slug})
    manage = f"/your-alerts/{alert.private_link_token()}/"
    assert client.post(manage, {"action": "frequency", "frequency": "weekly"}).status_code == 303
    publish(title="First housing one", slug="first", topics=[housing])
    publish(title="Second housing one", slug="second", topics=[housing])
    publish(title="Not housing", slug="other")
    assert mail.outbox == []
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", stdout=out)
    assert out.getvalue().startswith("1 person sent a digest.\n")
    [digest] = mail.outbox
    assert "First housing one" in digest.body and "Second housing one" in digest.body
    assert "Not housing" not in digest.body
    assert "List-Unsubscribe" in digest.extra_headers
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", stdout=out)
    assert len(mail.outbox) == 1


def test_stop_from_the_private_page(client, follow):
    alert = follow({})
    client.post(f"/your-alerts/{alert.private_link_token()}/", {"action": "stop"})
    assert not SearchAlert.objects.exists()


def test_a_landline_for_texts_is_refused_beside_the_field(
    client, board, django_capture_on_commit_callbacks
):
    response = subscribe(
        client, board, {}, django_capture_on_commit_callbacks, **by_text(number="0161 496 0123")
    )
    assert response.status_code == 200
    assert "we can only text mobiles" in response.content.decode()
    assert 'value="0161 496 0123"' in response.content.decode()
    assert not SearchAlert.objects.exists()


def test_rate_limited_per_contact(client, board, django_capture_on_commit_callbacks):
    for _ in range(3):
        assert (
            subscribe(
                client, board, {}, django_capture_on_commit_callbacks, **by_email()
            ).status_code
            == 303
        )
    blocked = subscribe(client, board, {}, django_capture_on_commit_callbacks, **by_email())
    assert blocked.status_code == 429
    assert SearchAlert.objects.count() == 3 and len(mail.outbox) == 3


def test_malformed_links_are_not_found(client):
    for path in ["/your-alerts/nope/", "/your-alerts/" + "x" * 300 + "/confirm/",
                 "/your-alerts/nope/unsubscribe/"]:  # fmt: skip
        assert client.get(path).status_code == 404
    assert Client().post("/your-alerts/nope/unsubscribe/").status_code == 404


def test_unconfirmed_after_7_days_and_lapsed_after_12_months_are_purged(
    follow, client, board, django_capture_on_commit_callbacks
):
    fresh = follow({}, address="fresh@example.org")
    lapsed = follow({}, address="lapsed@example.org")
    renewed = follow({}, address="renewed@example.org")
    subscribe(client, board, {}, django_capture_on_commit_callbacks, **by_email("new@example.org"))
    year_ago = timezone.now() - timedelta(days=366)
    SearchAlert.objects.filter(pk__in=[lapsed.pk, renewed.pk]).update(confirmed_at=year_ago)
    SearchAlert.objects.filter(pk=renewed.pk).update(renewed_at=timezone.now())
    SearchAlert.objects.filter(contact_email="new@example.org").update(
        created_at=timezone.now() - timedelta(days=8)
    )
    call_command("purge_personal_data", stdout=io.StringIO())
    assert set(SearchAlert.objects.values_list("pk", flat=True)) == {fresh.pk, renewed.pk}


def confirmed_alert(board, address, query):
    alert = SearchAlert(
        board=board,
        query=query,
        reference=new_reference(),
        contact_email=address,
        email_ok=True,
        email_safe=True,
        confirmed_at=timezone.now(),
    )
    alert.issue_link()
    alert.save()
    return alert


def test_editors_see_counts_of_people_only_below_5_withheld(
    client, django_user_model, board, housing, publish
):
    area = Area.objects.create(name="Salford")
    for n in range(6):
        confirmed_alert(board, f"person{n}@example.org", f"topic={housing.slug}")
    confirmed_alert(board, "person0@example.org", f"topic={housing.slug}&q=repairs")  # same person
    for n in range(2):
        confirmed_alert(board, f"area{n}@example.org", f"area={area.slug}")
    page = publish(title="Salford walk", slug="walk", area=area)
    client.force_login(make_user(django_user_model, "editor", ["Editors"]))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert re.search(r"Topic: Housing</td><td>6</td>", dashboard)
    assert re.search(r"Area: Salford</td><td>fewer than 5 people</td>", dashboard)
    assert "area0@example.org" not in dashboard
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()
    assert "Alerts on a saved search told fewer than 5 people about it." in edit


def test_asked_once_to_renew_before_a_year_is_up_and_renewing_keeps_them(
    client, board, django_capture_on_commit_callbacks
):
    due = confirmed_alert(board, "due@example.org", "")
    confirmed_alert(board, "recent@example.org", "")
    SearchAlert.objects.filter(pk=due.pk).update(confirmed_at=timezone.now() - timedelta(days=355))
    mail.outbox.clear()
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", stdout=out)
        call_command("send_alert_digests", stdout=out)
    assert "1 alert up for renewal." in out.getvalue()
    [email] = mail.outbox
    assert email.to == ["due@example.org"]
    assert email.subject == f"Keep your alerts from {ORG}?"
    manage = re.search(r"http://testserver(/your-alerts/\S+/)", email.body)[1]
    client.post(manage, {"action": "renew"})
    call_command("purge_personal_data", now=(timezone.now() + timedelta(days=30)).isoformat(),
                 stdout=io.StringIO())  # fmt: skip
    assert SearchAlert.objects.filter(pk=due.pk).exists()


def test_change_the_search_through_the_private_page(client, follow, publish, housing):
    alert = follow({"q": "gardens"})
    manage = f"/your-alerts/{alert.private_link_token()}/"
    page = client.get(manage).content.decode()
    assert 'value="gardens"' in page
    client.post(manage, {"action": "search", "q": "", "topic": housing.slug, "bogus": "x"})
    alert.refresh_from_db()
    assert alert.query == f"topic={housing.slug}"
    publish(title="Housing panel", slug="panel", topics=[housing])
    assert len(mail.outbox) == 1


def test_a_new_address_from_the_private_page_must_be_confirmed_again(
    client, follow, django_capture_on_commit_callbacks
):
    alert = follow({})
    manage = f"/your-alerts/{alert.private_link_token()}/"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage, {"action": "channel", **by_email("new@example.org")})
    assert "Check your email or texts" in response.content.decode()
    alert.refresh_from_db()
    assert alert.contact_email == "new@example.org" and alert.confirmed_at is None
    [email] = mail.outbox
    assert email.to == ["new@example.org"]
    assert client.get(manage).status_code == 404  # the old link stopped working


def test_changing_only_whether_it_is_safe_keeps_the_alerts_going(client, follow):
    alert = follow({})
    manage = f"/your-alerts/{alert.private_link_token()}/"
    response = client.post(manage, {"action": "channel", **by_email(safe=False)})
    assert response.status_code == 303
    alert.refresh_from_db()
    assert alert.confirmed_at is not None and not alert.email_safe


def test_found_exported_and_erased_by_the_personal_data_tools(board, tmp_path):
    alert = confirmed_alert(board, "Sam@Example.org", "q=repairs")
    confirmed_alert(board, "other@example.org", "")
    export = tmp_path / "sam.json"
    call_command(
        "personal_data_request", email="sam@example.org", export=str(export), stdout=io.StringIO()
    )
    assert alert.reference in export.read_text() and "q=repairs" in export.read_text()
    call_command("personal_data_request", email="sam@example.org", erase=True, stdout=io.StringIO())
    assert list(SearchAlert.objects.values_list("contact_email", flat=True)) == [
        "other@example.org"
    ]
