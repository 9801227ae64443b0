"""Every kind of message to a person, through every contact wish.

Each message is sent the way the site really sends it (the public form, the
services the admin and the journey call, the task queue, Django's email
backend) to a person whose contact wishes are one row of ``WISHES``. Then:

- a way the person did not allow gets nothing;
- a way they called safe gets the message as written;
- any other gets a neutral message: the subject "A message from <organisation>",
  the usual sender, and a body with none of the message's sensitive words
  (opportunity, topic, partner, scope, status) whose only link names nothing
  (``/m/<token>/``). Opening it shows nothing but the second-factor question
  until the person gives their reference (and the last 3 digits of their
  phone); then it shows their page.

To add a kind of message (a later feature that reaches people):

1. write a ``send_<kind>(world, wishes)`` function below that makes the
   record holding ``wishes`` (a dict of ``ContactWishes`` field values) and
   sends the message through the real path, returning a ``Sent``: the record,
   the words that must never appear in a neutral message, and a phrase the
   full message always contains;
2. add a ``MessageKind`` to ``MESSAGE_KINDS`` naming it, and the channels its
   records offer (``contact_channels``): wishes that use another channel are
   skipped for it; ``texts=True`` when it is also texted (the same rules hold
   for the text: nothing unless texts were allowed, as written only when they
   are safe, else neutral with the one ``/m/<token>/`` link).

A new channel or a new kind of wish is a new row of ``WISHES``.
"""

import re
import time
from dataclasses import dataclass, field
from datetime import time as clock_time
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from home import form_protection
from home.models import SiteSettings, Topic
from home.private_links import new_reference
from ladder.invitations.emails import notify_new_response, send_invitation
from ladder.invitations.services import approve, decline, request_publication
from ladder.team_results import team_results
from opportunities.alerts.renewal import send_renewal_reminders
from opportunities.closing_reminder.services import send_closing_reminders
from opportunities.interest import services as interest
from opportunities.interest.session_reminders import send_session_reminders
from opportunities.models import (
    ClosingReminder,
    ExpressionOfInterest,
    OpportunityIndexPage,
    OpportunityPage,
    OpportunitySession,
    SearchAlert,
)
from partners.models import PartnerPage
from payments.feedback.services import ask_after_last_sessions, ask_again_about_not_paid
from payments.models import Feedback
from privacy.contact_wishes.channels import Channel
from tests.conftest import default_home_page
from tests.ladder.invitation_helpers import answer, make_invitation, make_partner
from tests.module_data import kept_for_the_module
from tests.opportunities.conftest import make_board, make_opportunity
from tests.opportunities.interest_helpers import form_data, interest_url, make_interest

pytestmark = pytest.mark.django_db

ORGANISATION = "Safe Harbour Network"
TITLE = "Shape the domestic abuse helpline"
TOPIC = "Domestic abuse"
PARTNER = "Riverside Refuge"
SCOPE = "Survivors' forum"
PHONE = "07400 900 517"  # a UK mobile: texts go only to those


# The wishes -----------------------------------------------------------------------


@dataclass(frozen=True)
class Wishes:
    """One person's contact wishes: ``given`` holds the details and the ways
    they allowed; every other way is "no"."""

    name: str
    given: dict

    @property
    def fields(self):
        unset = {f"{c}_{half}": False for c in Channel for half in ("ok", "safe")}
        return {**unset, **self.given}

    @property
    def channels(self):
        return {c for c in Channel if self.fields.get(f"{c}_ok")}

    @property
    def emailed(self):
        return bool(self.fields.get("email_ok"))

    @property
    def email_safe(self):
        return self.emailed and bool(self.fields.get("email_safe"))

    @property
    def asks_phone(self):
        return bool(self.fields.get("contact_phone"))


def email(safe):
    return {"contact_email": "person@example.org", "email_ok": True, "email_safe": safe}


def phone(channel, safe):
    return {"contact_phone": PHONE, f"{channel}_ok": True, f"{channel}_safe": safe}


WISHES = [
    Wishes("email, safe", email(True)),
    Wishes("email, not safe", email(False)),
    Wishes("email not safe, calls safe", {**email(False), **phone("call", True)}),
    Wishes("email safe, texts not safe", {**email(True), **phone("text", False)}),
    Wishes("calls only, not safe", phone("call", False)),
    Wishes("texts only, safe", phone("text", True)),
    Wishes(
        "support worker only, not safe",
        {"support_worker": "Jo, 0161 496 0999", "support_worker_ok": True},
    ),
    Wishes(
        "email given but not allowed; calls safe",
        {"contact_email": "person@example.org", **phone("call", True)},
    ),
]


def form_answers(wishes):
    """The public form's answers that give these wishes."""
    data = {"contact_email": None, "email_wish": None}
    for channel in Channel:
        if wishes.fields.get(f"{channel}_ok"):
            data[f"{channel}_wish"] = "safe" if wishes.fields.get(f"{channel}_safe") else "private"
    for detail in ("contact_email", "contact_phone", "support_worker"):
        if wishes.fields.get(detail) and any(
            wishes.fields.get(f"{c}_ok") for c in Channel if detail in _DETAILS[c]
        ):
            data[detail] = wishes.fields[detail]
    return data


_DETAILS = {
    Channel.EMAIL: "contact_email",
    Channel.TEXT: "contact_phone",
    Channel.CALL: "contact_phone",
    Channel.SUPPORT_WORKER: "support_worker",
}


# The messages ---------------------------------------------------------------------


@dataclass
class Sent:
    record: object
    sensitive: list
    always_says: str
    reference: str = ""
    extra: dict = field(default_factory=dict)


class World:
    """What the messages are about: an organisation, a partner, a topic, an
    opportunity, the ladder's pages, and the capture of emails after commit."""

    def __init__(self, built, request, capture):
        self.partner = PartnerPage.objects.get(pk=built["partner"])
        self.topic = Topic.objects.get(pk=built["topic"])
        self.board = OpportunityIndexPage.objects.get(pk=built["board"])
        self.opportunity = OpportunityPage.objects.get(pk=built["opportunity"])
        self.request = request
        self.capture = capture

    @staticmethod
    def build():
        """The rows every test shares, as ids (built once for the module)."""
        site_settings = SiteSettings.load()
        site_settings.organisation_name = ORGANISATION
        site_settings.contact_phone = "0161 496 0000"
        site_settings.notification_email = "team@example.org"
        site_settings.save()
        home_page = default_home_page()
        partner = make_partner(home_page, title=PARTNER)
        topic = Topic.objects.create(name=TOPIC)
        board = make_board(home_page)
        opportunity = make_opportunity(
            board, title=TITLE, slug="helpline", topics=[topic], partner=partner
        )
        return {
            "partner": partner.pk,
            "topic": topic.pk,
            "board": board.pk,
            "opportunity": opportunity.pk,
        }

    @property
    def assessment_page(self):
        """The ladder's pages, made only for the ladder's messages."""
        return self.request.getfixturevalue("assessment_page")

    def sending(self, action):
        mail.outbox.clear()
        with self.capture(execute=True):
            result = action()
        return result

    def interest_sensitive(self):
        return [TITLE, TOPIC, PARTNER, "helpline", "interest", "place", "withdr", "outcome"]


def send_interest_confirmation(world, wishes):
    client = Client()
    world.sending(
        lambda: client.post(interest_url(world.opportunity), form_data(**form_answers(wishes)))
    )
    record = ExpressionOfInterest.objects.get()
    return Sent(record, world.interest_sensitive(), "Your reference is", record.reference)


def send_interest_duplicate(world, wishes):
    record, _ = make_interest(world.opportunity, **wishes.fields, name="Sam")
    client = Client()
    world.sending(
        lambda: client.post(
            interest_url(world.opportunity), form_data(name="Someone", **form_answers(wishes))
        )
    )
    return Sent(record, world.interest_sensitive(), "We already have your interest")


def send_link_again(world, wishes):
    """ "Send me my link again", asked with the email if they allowed email,
    else with their phone number."""
    record, _ = make_interest(world.opportunity, **wishes.fields)
    contact = wishes.fields["contact_email"] if wishes.emailed else PHONE
    started = form_protection.issue_start_time("opportunities.link_again", time.time() - 60)
    data = {"reference": record.reference, "contact": contact, "form_started": started}
    world.sending(lambda: Client().post("/your-link/", data))
    return Sent(record, world.interest_sensitive(), "You asked for your private link again")


def send_session_reminder(world, wishes):
    record, _ = make_interest(world.opportunity, status="selected", **wishes.fields)
    OpportunitySession.objects.create(
        page=world.opportunity,
        date=timezone.localdate() + timedelta(days=1),
        starts_at=clock_time(10),
        place="Refuge meeting room",
    )
    world.sending(send_session_reminders)
    sensitive = [*world.interest_sensitive(), "session", "Refuge meeting room"]
    return Sent(record, sensitive, "tomorrow")


def send_feedback_request(world, wishes):
    """After the last session: "Have you been paid?" and four more questions."""
    record, _ = make_interest(world.opportunity, status="selected", **wishes.fields)
    OpportunitySession.objects.create(
        page=world.opportunity, date=timezone.localdate() - timedelta(days=1)
    )
    world.sending(ask_after_last_sessions)
    return Sent(
        record, [*world.interest_sensitive(), "been paid", "listened"], "Have you been paid"
    )


def send_asked_again(world, wishes):
    """A week after "Not yet": asked once more (the team is told, by reference)."""
    record, _ = make_interest(world.opportunity, status="selected", **wishes.fields)
    feedback = Feedback(
        interest=record,
        reference=record.reference,
        asked_at=timezone.now() - timedelta(days=10),
        answered_at=timezone.now() - timedelta(days=8),
        been_paid="not_yet",
        consent=True,
    )
    feedback.issue_link()
    feedback.save()
    world.sending(ask_again_about_not_paid)
    return Sent(record, [*world.interest_sensitive(), "been paid"], "Have you been paid yet")


def send_closing_reminder(world, wishes):
    """ "Remind me before it closes", two days before the closing date."""
    page = world.opportunity
    type(page).objects.filter(pk=page.pk).update(closes_at=timezone.now() + timedelta(days=1))
    reminder = ClosingReminder(opportunity=page, reference=new_reference(), **wishes.fields)
    reminder.issue_link()
    reminder.save()
    world.sending(send_closing_reminders)
    return Sent(reminder, [*world.interest_sensitive(), "closes", "closing"], "closes")


def send_alert_confirmation(world, wishes):
    """Following the board filtered by the topic, through the public form."""
    started = form_protection.issue_start_time("opportunities.alerts", time.time() - 60)
    data = {"form_started": started, "frequency": "immediate", **form_answers(wishes)}
    data = {key: value for key, value in data.items() if value is not None}
    url = f"{world.board.url}alerts/?topic={world.topic.slug}"
    world.sending(lambda: Client().post(url, data))
    alert = SearchAlert.objects.get()
    return Sent(alert, ["Your alerts", TOPIC, TITLE, "search"], "onfirm your alerts")


def send_alert_match(world, wishes):
    """A confirmed alert on the topic hears of a new opportunity on publishing."""
    alert = SearchAlert(
        board=world.board,
        query=f"topic={world.topic.slug}",
        reference=new_reference(),
        confirmed_at=timezone.now(),
        **wishes.fields,
    )
    alert.issue_link()
    alert.save()
    title = "Helpline night shifts"
    world.sending(
        lambda: make_opportunity(world.board, title=title, slug="nights", topics=[world.topic])
    )
    return Sent(alert, [title, TOPIC, PARTNER, "nights", "search"], "new opportunities")


def send_alert_renewal(world, wishes):
    """Two weeks before a year is up, a confirmed alert's person is asked to renew."""
    alert = SearchAlert(
        board=world.board,
        query=f"topic={world.topic.slug}",
        reference=new_reference(),
        confirmed_at=timezone.now() - timedelta(days=355),
        **wishes.fields,
    )
    alert.issue_link()
    alert.save()
    world.sending(send_renewal_reminders)
    return Sent(alert, ["Your alerts", TOPIC, TITLE, "search"], "stop on")


def texted_for_link_again(wishes):
    return not wishes.emailed and bool(wishes.fields.get("text_ok"))


def send_status(status, says):
    def send(world, wishes):
        record, _ = make_interest(world.opportunity, **wishes.fields)
        world.sending(lambda: interest.change_status([record], status, send_message=True))
        return Sent(record, [*world.interest_sensitive(), "selected"], says)

    return send


def send_outcome_notice(world, wishes):
    record, _ = make_interest(world.opportunity, **wishes.fields, wants_outcome=True)
    page = world.opportunity
    type(page).objects.filter(pk=page.pk).update(closes_at=timezone.now() - timedelta(days=1))
    page.refresh_from_db()
    page.outcome = "<p>The helpline now answers at night.</p>"

    def publish():
        page.save_revision().publish()

    world.sending(publish)
    return Sent(record, [*world.interest_sensitive(), "at night", "changed"], "What changed")


def send_withdrawal(world, wishes):
    record, _ = make_interest(world.opportunity, **wishes.fields)
    world.sending(lambda: interest.withdraw(record))
    return Sent(record, world.interest_sensitive(), "You have withdrawn")


def invitation_for(world, wishes):
    assert world.assessment_page.live  # the ladder's pages, before anyone answers
    return make_invitation(
        world.partner,
        scope_name=SCOPE,
        contact_email=wishes.fields.get("contact_email", ""),
        email_ok=bool(wishes.fields.get("email_ok")),
        email_safe=bool(wishes.fields.get("email_safe")),
    )


def ladder_sensitive(world):
    return [PARTNER, SCOPE, "ladder", "rung", "assess", "publish", "invitation"]


def send_invitation_email(world, wishes):
    invitation = invitation_for(world, wishes)
    world.sending(lambda: send_invitation(invitation, world.assessment_page))
    return Sent(invitation, ladder_sensitive(world), "your invitation", invitation.reference)


def send_new_answer(world, wishes):
    invitation = invitation_for(world, wishes)
    assessment = answer(Client(), invitation)
    world.sending(lambda: notify_new_response(assessment, world.assessment_page))
    return Sent(invitation, ladder_sensitive(world), "Someone has just answered")


def send_decision(approved):
    def send(world, wishes):
        invitation = invitation_for(world, wishes)
        answer(Client(), invitation)
        publication = request_publication(invitation, team_results([invitation])[invitation.pk])
        if approved:
            world.sending(lambda: approve(publication, None, world.assessment_page))
            says = "Your ladder result is now on your profile"
        else:
            world.sending(lambda: decline(publication, None, world.assessment_page, "Too few"))
            says = "We have not published your ladder result"
        return Sent(invitation, [*ladder_sensitive(world), "Too few"], says)

    return send


def send_result_link(world, wishes):
    """Keep it (issue 22): the person asks, on their result, for its link by email."""
    from ladder.models import SelfAssessment
    from ladder.submission import submit

    version = world.assessment_page.current_version()
    assessment, token = SelfAssessment.start(version)
    assessment.organisation_name, assessment.scope_type = PARTNER, "service"
    assessment.scope_name, assessment.role, assessment.took_part = SCOPE, "Lead", "alone"
    assessment.answers = {
        question["key"]: question["options"][0]["key"]
        for theme in version.themes
        for question in theme["questions"]
    }
    assessment.save()
    submit(assessment)
    data = {key: value for key, value in form_answers(wishes).items() if value is not None}
    client = Client()
    path = f"{world.assessment_page.url}a/{token}/keep/"
    response = world.sending(lambda: client.post(path, {**data, "consent": "on"}))
    if wishes.emailed:
        assert response.status_code == 302, response.content.decode()[:2000]
    assessment.refresh_from_db()
    return Sent(assessment, ladder_sensitive(world), "the link to your self-assessment result")


@dataclass(frozen=True)
class MessageKind:
    name: str
    send: object
    contact_channels: tuple = tuple(Channel)
    texts: object = False  # or a function of the wishes: whether this person is texted


INVITATION_CHANNELS = (Channel.EMAIL,)

MESSAGE_KINDS = [
    MessageKind("interest: confirmation", send_interest_confirmation, texts=True),
    MessageKind("interest: duplicate notice", send_interest_duplicate),
    MessageKind("interest: selected", send_status("selected", "You have a place")),
    MessageKind("interest: not selected", send_status("not_selected", "About ")),
    MessageKind("interest: outcome notice", send_outcome_notice),
    MessageKind("interest: withdrawal", send_withdrawal),
    MessageKind("interest: link again", send_link_again, texts=texted_for_link_again),
    MessageKind("interest: session reminder", send_session_reminder, texts=True),
    MessageKind("payments: feedback request", send_feedback_request, texts=True),
    MessageKind("payments: asked again about payment", send_asked_again),
    MessageKind(
        "alerts: confirmation", send_alert_confirmation, SearchAlert.contact_channels, texts=True
    ),
    MessageKind(
        "alerts: new opportunities", send_alert_match, SearchAlert.contact_channels, texts=True
    ),
    MessageKind(
        "alerts: renewal reminder", send_alert_renewal, SearchAlert.contact_channels, texts=True
    ),
    MessageKind(
        "closing reminder",
        send_closing_reminder,
        ClosingReminder.contact_channels,
        texts=True,
    ),
    MessageKind("ladder: invitation", send_invitation_email, INVITATION_CHANNELS),
    MessageKind("ladder: new answer", send_new_answer, INVITATION_CHANNELS),
    MessageKind("ladder: rung published", send_decision(True), INVITATION_CHANNELS),
    MessageKind("ladder: rung not published", send_decision(False), INVITATION_CHANNELS),
    MessageKind("ladder: result link", send_result_link, (Channel.EMAIL,)),
]

CASES = [
    pytest.param(kind, wishes, id=f"{kind.name} / {wishes.name}")
    for kind in MESSAGE_KINDS
    for wishes in WISHES
    if wishes.channels <= set(kind.contact_channels)
]


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The organisation, partner, topic, board and opportunity, built once for
    the module's hundred-odd tests (tests/module_data.py)."""
    with kept_for_the_module(django_db_blocker):
        yield World.build()


@pytest.fixture
def world(db, built_world, request, django_capture_on_commit_callbacks):
    """The shared rows, read afresh for this test."""
    return World(built_world, request, django_capture_on_commit_callbacks)


def to_person(sent):
    """The emails to the person (the team inbox's link-only notes aside)."""
    return [message for message in mail.outbox if message.to != ["team@example.org"]]


@pytest.mark.parametrize(("kind", "wishes"), CASES)
def test_every_message_honours_every_wish(world, kind, wishes, text_outbox):
    sent = kind.send(world, wishes)
    check_the_texts(kind, wishes, sent, list(text_outbox))
    messages = to_person(sent)
    if not wishes.emailed:
        assert messages == [], "an email went to someone who did not allow email"
        return
    (message,) = messages
    assert message.to == ["person@example.org"]
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    if wishes.email_safe:
        assert sent.always_says in message.subject + message.body
        return
    # Not safe: neutral subject, sender and body; the link names nothing.
    assert message.subject == f"A message from {ORGANISATION}"
    everything = " ".join([message.subject, message.body, message.from_email]).lower()
    for word in sent.sensitive:
        assert word.lower() not in everything, f"{word!r} in a neutral message"
    assert sent.record.reference not in message.body
    links = re.findall(r"https?://\S+", message.body)
    assert len(links) == 1, message.body
    assert re.fullmatch(r"http://[a-z]+/m/[A-Za-z0-9_-]{43}/", links[0]), links[0]
    assert "There is news for you" in message.body
    check_the_link_asks_first(links[0], sent, wishes)


def check_the_texts(kind, wishes, sent, texts):
    """Texted only when allowed; as written when safe; else neutral, and its one
    link asks first, like a neutral email's."""
    texted = kind.texts(wishes) if callable(kind.texts) else kind.texts
    if not (texted and wishes.fields.get("text_ok")):
        assert texts == [], "a text went to someone who did not allow texts"
        return
    (text,) = texts
    assert text.to == "+447400900517"
    if wishes.fields.get("text_safe"):
        # As written: with their reference, or what the message is for.
        assert sent.record.reference in text.body or sent.always_says in text.body
        return
    body = text.body.lower()
    for word in sent.sensitive:
        assert word.lower() not in body, f"{word!r} in a neutral text"
    assert sent.record.reference.lower() not in body
    assert "there is news for you" in body
    links = re.findall(r"https?://\S+", text.body)
    assert len(links) == 1, text.body
    assert re.fullmatch(r"http://[a-z]+/m/[A-Za-z0-9_-]{43}/", links[0]), links[0]
    check_the_link_asks_first(links[0], sent, wishes)


def check_the_link_asks_first(link, sent, wishes):
    """The link shows only the second-factor question until it is answered."""
    path = re.sub(r"^http://[a-z]+", "", link)
    client = Client()
    asked = client.get(path)
    html = asked.content.decode()
    assert asked.status_code == 200
    assert "Check it is you" in html
    assert asked["Cache-Control"].startswith("no-store")
    shown = strip_tags(html).lower()
    for word in sent.sensitive:
        assert word.lower() not in shown, f"{word!r} shown before the second factor"
    for word in sent.sensitive[:3]:
        assert word.lower() not in html.lower(), f"{word!r} in the page before the second factor"
    assert ("last 3 digits" in html) == wishes.asks_phone
    answers = {"second_factor": "1", "reference": sent.record.reference.lower().replace("-", "")}
    if wishes.asks_phone:
        answers["phone_end"] = "000"
        wrong = client.post(path, answers)
        assert wrong.status_code == 400 and "do not match" in wrong.content.decode()
        answers["phone_end"] = PHONE[-3:]
    opened = client.post(path, answers, follow=True)
    assert opened.status_code == 200
    shown = opened.content.decode()
    assert "Check it is you" not in shown
    assert any(word in shown for word in sent.sensitive[:3])


def test_the_table_covers_every_kind_and_every_wish():
    """A kind of message that no wish reaches, or a wish no kind is sent to,
    would be a hole in the table."""
    kinds = {case.values[0].name for case in CASES}
    wishes = {case.values[1].name for case in CASES}
    assert kinds == {kind.name for kind in MESSAGE_KINDS}
    assert wishes == {wish.name for wish in WISHES}
