"""The exact words of every email about an expression of interest.

Names and titles carry an apostrophe and an ampersand: emails are plain
text, so neither may come out HTML-escaped.
"""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from home.models import SiteSettings
from opportunities.interest import emails, services
from opportunities.interest.reply_dates import reply_by
from opportunities.models import ExpressionOfInterest, InterestMessages
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url, make_interest

pytestmark = pytest.mark.django_db

TITLE = "Tenants' letters & forms"
ORGANISATION = "Co-pro & Partners"
CONTACT = "call 0161 496 0000, text 07700 900 123, email hello@example.org"


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    settings = SiteSettings.load()
    settings.organisation_name = ORGANISATION
    settings.contact_phone = "0161 496 0000"
    settings.text_number = "07700 900 123"
    settings.contact_email = "hello@example.org"
    settings.notification_email = "team@example.org"
    settings.reply_time_working_days = 5
    settings.retention_days = 180
    settings.save()
    return settings


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title=TITLE, slug="tenants-letters")


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run ``action`` and return the emails it sent, after the transaction commits."""

    def run(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            action()
        return list(mail.outbox)

    return run


def admin_link(record):
    return f"http://testserver/admin/expressions-of-interest/inspect/{record.pk}/"


def test_confirmation_and_the_team_note(client, opportunity, site_settings, sent):
    messages = sent(lambda: client.post(interest_url(opportunity), form_data(name="Sam O'Neil")))
    record = ExpressionOfInterest.objects.get()
    person, team = messages
    link = re.search(r"http://testserver/\S+/interest/status/\S+/", person.body).group(0)
    assert person.to == ["sam@example.org"]
    assert person.subject == f"We have your interest: {TITLE}"
    assert person.body == (
        f"Thank you for your interest in {TITLE}.\n\n"
        f"Your reference is {record.reference}.\n\n"
        "What happens next\n"
        "Someone from our team will contact you by "
        f"{reply_by(site_settings):%A %-d %B %Y}, in the way you asked. We will talk about "
        "the opportunity, the pay and any support you need. You can still say no.\n\n"
        "Check or withdraw\n"
        "This private link shows where things are up to, and lets you withdraw. "
        f"Do not share it:\n{link}\n\n"
        "We delete your details 180 days after the opportunity closes. You can ask to see "
        f"them, or ask us to delete them sooner, at any time: {CONTACT}.\n\n"
        f"{ORGANISATION}\n"
    )
    assert team.to == ["team@example.org"]
    assert team.subject == "New expression of interest"
    assert team.body == (
        "Someone has expressed interest in an opportunity. Open it in the admin "
        "(you need to be in the Personal data group):\n\n"
        f"{admin_link(record)}\n"
    )


def test_duplicate_notice(client, opportunity, sent):
    client.post(interest_url(opportunity), form_data())
    record = ExpressionOfInterest.objects.get()
    (message,) = sent(lambda: client.post(interest_url(opportunity), form_data()))
    assert message.to == ["sam@example.org"]
    assert message.subject == f"We already have your interest: {TITLE}"
    assert message.body == (
        f"We already have your interest in {TITLE}, reference {record.reference}.\n\n"
        "Someone, probably you, sent the form again. We have not stored it twice, and "
        "nothing has changed.\n\n"
        "To check where things are up to or to withdraw, use the link in our first email, "
        f"or contact us and give your reference: {CONTACT}.\n\n"
        "If this was not you, you do not need to do anything.\n\n"
        f"{ORGANISATION}\n"
    )


def test_withdrawal_tells_the_team_with_a_link_only_and_the_person_it_went_through(
    client, opportunity, sent
):
    record, token = make_interest(opportunity)
    withdraw_url = f"{opportunity.url}interest/status/{token}/withdraw/"
    message, to_person = sorted(
        sent(lambda: client.post(withdraw_url)), key=lambda email: email.to != ["team@example.org"]
    )
    assert to_person.to == [record.contact_email]
    assert to_person.subject == f"You have withdrawn your interest: {TITLE}"
    assert f"reference {record.reference}" in to_person.body
    assert message.to == ["team@example.org"]
    assert message.subject == "An expression of interest was withdrawn"
    assert message.body == (
        f"Someone withdrew their interest using their private link:\n\n{admin_link(record)}\n"
    )


@pytest.mark.parametrize(
    ("status", "subject", "news"),
    [
        (
            "selected",
            f"You have a place: {TITLE}",
            "We are glad to offer you a place. We will be in touch soon to agree the "
            "details, including payment and any support you need.\n\n"
            f"If you have questions, contact us: {CONTACT}",
        ),
        (
            "not_selected",
            f"About {TITLE}",
            "This time we could not offer you a place. This is not a judgement on you "
            "or your experience: there were more people than places.\n\n"
            "Please look at our other opportunities: "
            "http://testserver/opportunities/tenants-letters/\n\n"
            f"If you would like to talk about it, contact us: {CONTACT}",
        ),
    ],
)
def test_status_messages_in_the_default_wording(opportunity, sent, status, subject, news):
    record, _ = make_interest(opportunity, name="Sam O'Neil")
    (message,) = sent(lambda: services.change_status([record], status, send_message=True))
    assert message.to == [record.contact_email]
    assert message.subject == subject
    assert message.body == (
        "Dear Sam O'Neil,\n\n"
        f"Thank you for your interest in {TITLE} (reference {record.reference}).\n\n"
        f"{news}\n\n"
        f"{ORGANISATION}"
    )


def test_outcome_message_in_the_default_wording(opportunity, site_settings, sent):
    record, _ = make_interest(opportunity, name="Sam O'Neil")
    subject, body = InterestMessages.load().message_for("outcome")
    (message,) = sent(lambda: emails.send_editable_message(record, subject, body, site_settings))
    assert message.subject == f"What changed: {TITLE}"
    assert message.body == (
        "Dear Sam O'Neil,\n\n"
        f"You asked us to tell you what changed as a result of {TITLE}.\n\n"
        "We have now published it here: http://testserver/opportunities/tenants-letters/\n\n"
        "Thank you for your interest.\n\n"
        f"{ORGANISATION}"
    )


@pytest.mark.parametrize(("count", "who"), [(1, "1 person"), (3, "3 people")])
def test_team_is_asked_to_call_people_who_gave_a_phone_number(
    opportunity, site_settings, sent, count, who
):
    (message,) = sent(
        lambda: emails.ask_team_to_call_about_outcome(opportunity, count, site_settings)
    )
    assert message.to == ["team@example.org"]
    assert message.subject == "Tell people what changed by phone or text"
    assert message.body == (
        f"An outcome was published. {who} who asked to hear what changed gave a phone "
        "number: please call or text them. Everyone who asked is listed here; the contact "
        "column shows who gave a number:\n\n"
        "http://testserver/admin/expressions-of-interest/"
        f"?opportunity={opportunity.pk}&wants_outcome=true\n"
    )
