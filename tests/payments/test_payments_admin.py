"""Recording payments through the admin: one by one, in bulk for a session,
and from a finance export with a preview; overdue payments on the dashboard
and the opportunity's page header. Personal data group only."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.models import SiteSettings
from payments.models import Payment
from tests.conftest import make_user
from tests.payments.helpers import days_ago, past_opportunity, payment, selected

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(client, django_user_model):
    client.force_login(make_user(django_user_model, "caseworker", ["Personal data"]))
    return client


@pytest.fixture
def opportunity(home_page):
    return past_opportunity(home_page, title="Redesign the ward")


def test_only_the_personal_data_group_sees_payments(client, django_user_model, opportunity):
    record = selected(opportunity)[0]
    owed = payment(record)
    client.force_login(make_user(django_user_model, "editor", ["Editors"]))
    for url in (
        reverse("payments:list"),
        reverse("payments:edit", args=(owed.pk,)),
        reverse("payments_mark_paid"),
        reverse("payments_import"),
        reverse("payments_partner_records"),
    ):
        assert client.get(url).status_code in (302, 403), url
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Overdue payments" not in home and owed.reference not in home


def test_recording_a_payment_and_a_bad_amount_refused_beside_it(caseworker, opportunity, home_page):
    record = selected(opportunity)[0]
    url = reverse("payments:add")
    data = {
        "interest": record.pk,
        "kind": "fee",
        "amount_due": "lots",
        "payer": "organisation",
        "state": "due",
        "paid_on": "",
        "paid_how": "",
        "receipt_date": "",
    }
    refused = caseworker.post(url, data)
    html = refused.content.decode()
    assert refused.status_code == 200 and "Enter a number" in html
    assert 'value="lots"' in html
    assert not Payment.objects.exists()
    another = past_opportunity(home_page, title="Another")
    selected(another)
    other = another.sessions.first()
    wrong_session = caseworker.post(
        url, {**data, "amount_due": "45.50", "sessions_attended": [other.pk]}
    )
    assert "Choose only sessions of this person" in wrong_session.content.decode()
    no_date = caseworker.post(url, {**data, "amount_due": "45.50", "state": "paid"})
    assert "Give the date it was paid." in no_date.content.decode()
    assert not Payment.objects.exists()
    caseworker.post(url, {**data, "amount_due": "45.50", "paid_on": days_ago(20).isoformat()})
    saved = Payment.objects.get()
    assert (saved.amount_due, saved.state, saved.payer) == (45.5, "paid", "organisation")
    assert saved.days_to_pay == 10  # from the last session, 30 days ago


def test_marking_everyone_at_a_session_paid(caseworker, opportunity, home_page):
    people = selected(opportunity, 3)
    owed = [payment(person) for person in people]
    declined = payment(selected(opportunity)[0], state="declined")
    elsewhere = payment(selected(past_opportunity(home_page, title="Other"))[0])
    session = opportunity.sessions.order_by("date").last()
    url = reverse("payments_mark_paid")
    bad = caseworker.post(url, {"session": session.pk, "paid_on": "31/02/2026", "paid_how": "cash"})
    assert bad.status_code == 400 and "Enter a real date" in bad.content.decode()
    assert not Payment.objects.filter(state="paid").exists()
    caseworker.post(
        url,
        {"session": session.pk, "paid_on": days_ago(1).isoformat(), "paid_how": "bank_transfer"},
    )
    assert {p.state for p in Payment.objects.filter(pk__in=[p.pk for p in owed])} == {"paid"}
    declined.refresh_from_db()
    elsewhere.refresh_from_db()
    assert (declined.state, elsewhere.state) == ("declined", "due")
    # Each payment's history says who recorded it paid, when and how.
    history = caseworker.get(reverse("payments:history", args=(owed[0].pk,))).content.decode()
    entry = (
        rf"Recorded paid on {days_ago(1).isoformat()} by Bank transfer, "
        r"through mark paid for a session\.\s*</td>\s*<td[^>]*>.*?caseworker\s*</td>"
    )
    assert re.search(entry, history, re.S)
    untouched = caseworker.get(reverse("payments:history", args=(declined.pk,))).content.decode()
    assert "Recorded paid" not in untouched


def test_importing_a_finance_export_with_a_preview_and_a_bad_row(caseworker, opportunity):
    good, wrong_amount, paid_already = (payment(p) for p in selected(opportunity, 3))
    paid_already.paid_on = days_ago(3)
    paid_already.save()
    export = (
        "reference,amount,date\n"
        f"{good.reference},40.00,{days_ago(2).strftime('%d/%m/%Y')}\n"
        f"{wrong_amount.reference},35,{days_ago(2).isoformat()}\n"
        "PNOPE-123,40.00,2026-01-01\n"
        f"{paid_already.reference},40.00,{days_ago(2).isoformat()}\n"
    )
    url = reverse("payments_import")
    preview = caseworker.post(
        url,
        {"export": SimpleUploadedFile("paid.csv", export.encode()), "paid_how": "bank_transfer"},
    )
    html = preview.content.decode()
    assert "1 of 4 rows can be saved" in html
    assert "The amount is not the £40.00 due." in html
    assert "We have no payment with this reference." in html
    assert "Already recorded as paid." in html
    assert Payment.objects.filter(state="paid").count() == 1  # nothing saved yet
    caseworker.post(url, {"text": export, "paid_how": "bank_transfer", "confirm": "1"})
    good.refresh_from_db()
    wrong_amount.refresh_from_db()
    assert (good.state, good.paid_on, good.paid_how) == ("paid", days_ago(2), "bank_transfer")
    assert wrong_amount.state == "due"
    history = caseworker.get(reverse("payments:history", args=(good.pk,))).content.decode()
    assert (
        f"Recorded paid on {days_ago(2).isoformat()} by Bank transfer, through import." in history
    )
    empty = caseworker.post(url, {"paid_how": "cash"})
    assert empty.status_code == 400 and "Choose the CSV file to import" in empty.content.decode()


def test_overdue_payments_on_the_dashboard_oldest_first_and_on_the_opportunity(
    caseworker, opportunity, home_page, client, django_user_model
):
    older = past_opportunity(home_page, title="Older", sessions_ago=(80,))
    late_here = payment(selected(opportunity)[0])
    late_older = payment(selected(older)[0])
    payment(selected(opportunity)[0], paid_on=days_ago(1))  # paid: not overdue
    payment(selected(opportunity)[0], state="donated")  # donated: never overdue
    home = caseworker.get(reverse("wagtailadmin_home")).content.decode()
    assert "Overdue payments" in home
    assert home.index(late_older.reference) < home.index(late_here.reference)
    assert "Alex Doe" not in home  # references only
    # An editor who is also in the Personal data group sees it on the opportunity's page.
    client.force_login(make_user(django_user_model, "both", ["Editors", "Personal data"]))
    header = client.get(reverse("wagtailadmin_pages:edit", args=(opportunity.pk,)))
    assert "Payments (1 overdue)" in header.content.decode()
    client.force_login(make_user(django_user_model, "editor", ["Editors"]))
    header = client.get(reverse("wagtailadmin_pages:edit", args=(opportunity.pk,)))
    assert "Payments (" not in header.content.decode()


def test_a_payment_s_history_goes_with_it_when_the_purge_takes_its_person(caseworker, opportunity):
    owed = payment(selected(opportunity)[0])
    session = opportunity.sessions.order_by("date").last()
    caseworker.post(
        reverse("payments_mark_paid"),
        {"session": session.pk, "paid_on": days_ago(1).isoformat(), "paid_how": "cash"},
    )
    history = ModelLogEntry.objects.filter(content_type__model="payment", object_id=str(owed.pk))
    assert history.exists()
    # Past the retention period the purge deletes the person's record, and the
    # payment with it: nothing of the payment stays in the audit log.
    later = timezone.now() + timedelta(days=SiteSettings.load().retention_days + 1)
    call_command("purge_personal_data", now=later.isoformat(), stdout=StringIO())
    assert not Payment.objects.filter(pk=owed.pk).exists()
    assert not history.exists()
