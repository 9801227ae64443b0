"""People who chose texts get their reference and private link by text after
sending their interest: as written when they said texts are safe, neutral when
not, nothing when they did not allow texts or gave no mobile number."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from home.models import SiteSettings
from opportunities.models import ExpressionOfInterest, InterestMessages
from opportunities.models.interest_messages import CONFIRMATION_TEXT
from privacy.texts.length import UCS2, text_length
from privacy.texts.models import TextMessage
from tests.conftest import make_user
from tests.opportunities.conftest import make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url

pytestmark = pytest.mark.django_db

TITLE = "Shape the domestic abuse helpline"
MOBILE = "07400 123 456"
SHORT_LINK = re.compile(r"http://testserver/m/[A-Za-z0-9_-]{43}/")


@pytest.fixture(autouse=True)
def site_settings(db):
    cache.clear()
    settings = SiteSettings.load()
    settings.organisation_name = "Co-pro Network"
    settings.save()
    return settings


@pytest.fixture
def personal_data_user(django_user_model):
    return make_user(django_user_model, "caseworker", ["Personal data"])


@pytest.fixture
def opportunity(board):
    return make_opportunity(board, title=TITLE, slug="helpline")


@pytest.fixture
def express(client, opportunity, django_capture_on_commit_callbacks):
    def post(**answers):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(interest_url(opportunity), form_data(**answers))
        assert response.status_code == 303, response.content.decode()[:3000]
        return ExpressionOfInterest.objects.get()

    return post


def texts_only(safe, number=MOBILE, name="Sam Jones"):
    return {
        "name": name,
        "contact_email": None,
        "email_wish": None,
        "contact_phone": number,
        "text_wish": "safe" if safe else "private",
    }


def test_safe_texts_get_the_reference_and_a_link_that_opens_their_page(
    express, text_outbox, client
):
    record = express(**texts_only(safe=True))
    [text] = text_outbox
    assert text.to == "+447400123456"
    assert text.body.startswith(
        f"Hi Sam Jones, your Co-pro Network reference is {record.reference}."
    )
    [link] = SHORT_LINK.findall(text.body)
    page = client.get(link.removeprefix("http://testserver"), follow=True)
    assert page.status_code == 200
    assert record.reference in page.content.decode()
    assert TITLE in page.content.decode()
    assert TextMessage.objects.get().status == TextMessage.Status.SENT


def test_texts_that_are_not_safe_say_nothing_of_what_it_is_about(express, text_outbox):
    record = express(**texts_only(safe=False))
    [text] = text_outbox
    assert text.body.startswith("There is news for you from Co-pro Network.")
    assert "last 3 digits" in text.body
    for word in [TITLE, "helpline", "interest", record.reference, "Sam"]:
        assert word.lower() not in text.body.lower()
    assert len(SHORT_LINK.findall(text.body)) == 1
    assert text_length(text.body).fits


@pytest.mark.parametrize(
    "answers",
    [
        {},  # email only
        {"contact_phone": MOBILE, "call_wish": "safe"},  # calls, not texts
        texts_only(safe=True, number="0161 496 0123"),  # a landline
    ],
    ids=["email only", "calls only", "landline"],
)
def test_no_text_without_agreeing_to_texts_and_a_mobile(express, text_outbox, answers):
    express(**answers)
    assert text_outbox == []
    assert not TextMessage.objects.exists()


def test_the_console_backend_prints_the_text_in_development(express, settings, capsys):
    settings.TEXT_MESSAGE_BACKEND = "privacy.texts.backends.console.ConsoleTextBackend"
    record = express(**texts_only(safe=True))
    printed = capsys.readouterr().out
    assert f"reference is {record.reference}" in printed
    assert SHORT_LINK.search(printed)


@pytest.mark.parametrize("name", ["Sam Jones", "Siân Ŵyn Davies", "ثمينة خان"])
def test_the_text_fits_two_parts_with_its_link_in_english_and_with_a_ucs2_name(
    express, text_outbox, name
):
    express(**texts_only(safe=True, name=name))
    [text] = text_outbox
    assert name in text.body
    length = text_length(text.body)
    assert length.fits, length
    assert (length.encoding == UCS2) == (name != "Sam Jones")


def wording_form(text):
    """Every field of the settings form as saved, with the text after sending changed."""
    messages = InterestMessages.load()
    fields = [
        field.name
        for field in InterestMessages._meta.fields
        if field.name not in ("id", "confirmation_text")
    ]
    return {**{name: getattr(messages, name) for name in fields}, "confirmation_text": text}


def test_editors_change_the_wording_and_it_is_what_people_get(
    client,
    personal_data_user,
    express,
    text_outbox,
):
    client.force_login(personal_data_user)
    url = reverse(
        "wagtailsettings:edit",
        args=("opportunities", "interestmessages", InterestMessages.load().pk),
    )
    response = client.post(url, wording_form("{reference}: your link is {link}"))
    assert response.status_code == 302
    client.logout()
    record = express(**texts_only(safe=True))
    [text] = text_outbox
    assert re.fullmatch(rf"{record.reference}: your link is {SHORT_LINK.pattern}", text.body)


@pytest.mark.parametrize(
    ("wording", "error"),
    [
        ("Hello {first_name}, {reference} {link}", "We cannot fill in {first_name}"),
        ("Hello {name}, here is your page: {link}", "The text must contain {reference}"),
        (
            "Hello {name}, {reference} {link} " + "Thank you for telling us. " * 3,
            "This text is too long",
        ),
    ],
    ids=["unknown placeholder", "no reference", "too long"],
)
def test_wording_that_cannot_be_sent_is_refused_beside_the_field(
    client,
    personal_data_user,
    wording,
    error,
):
    client.force_login(personal_data_user)
    url = reverse(
        "wagtailsettings:edit",
        args=("opportunities", "interestmessages", InterestMessages.load().pk),
    )
    response = client.post(url, wording_form(wording))
    assert response.status_code == 200
    html = response.content.decode()
    assert error in html
    assert wording.split()[0] in html  # what was typed is kept
    assert InterestMessages.load().confirmation_text != wording


def test_the_default_wording_fits_with_a_long_name_and_link():
    filled = CONFIRMATION_TEXT.fill(
        InterestMessages().confirmation_text,
        {
            "name": "Siân Ŵyn Davies",
            "reference": "KMP-47X",
            "organisation": "Co-pro Network",
            "link": "https://copro.example.org/m/" + "x" * 43 + "/",
        },
    )
    assert text_length(filled).fits


def test_the_confirmation_page_says_a_text_was_sent(express, client, text_outbox):
    express(**texts_only(safe=True))
    page = client.get(interest_url(ExpressionOfInterest.objects.get().opportunity) + "sent/")
    assert "We have sent a text to the mobile number you gave" in page.content.decode()
    assert "We have sent an email" not in page.content.decode()


def test_the_confirmation_page_says_no_text_was_sent_when_none_was(express, client):
    express(**texts_only(safe=True, number="0161 496 0123"))  # a landline: no text
    page = client.get(interest_url(ExpressionOfInterest.objects.get().opportunity) + "sent/")
    assert page.status_code == 200
    assert "We have sent a text" not in page.content.decode()
