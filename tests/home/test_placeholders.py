"""The one placeholder system for editable message wording: what it accepts,
what it refuses (beside the field, in the admin, naming the placeholder),
and how it fills a message in."""

import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from home.placeholders import Wording
from ladder.models import LadderSettings
from opportunities.models import InterestMessages
from tests.conftest import make_user

GREETING = Wording({"name": "the person's name", "link": "their private link"}, required=("link",))


def refusal(text, wording=GREETING):
    with pytest.raises(ValidationError) as refused:
        wording.validate(text)
    return " ".join(refused.value.messages)


def test_offered_placeholders_and_plain_text_are_accepted():
    GREETING.validate("Dear {name},\n\nYour link: {link}\n")
    GREETING.validate("Your link: {link}. No name needed.")


def test_an_unknown_placeholder_is_named_with_the_ones_on_offer():
    message = refusal("Dear {first_name}, {link}")
    assert message.startswith("We cannot fill in {first_name}.")
    assert "You can use {name} for the person's name, {link} for their private link." in message
    assert "We cannot fill in {a} or {b}." in refusal("{b} {a} {link}")


@pytest.mark.parametrize("text", ["{name.__class__} {link}", "{name!r} {link}", "{} {link}"])
def test_anything_but_a_plain_name_in_brackets_is_refused(text):
    assert refusal(text).startswith("We cannot fill in {")


@pytest.mark.parametrize("text", ["Dear {name, {link}", "Dear name}, {link}", "{{name}} {link}"])
def test_stray_brackets_are_refused(text):
    assert refusal(text) == (
        "Curly brackets are only for placeholders such as {name}. Check each { has a }."
    )


def test_a_required_placeholder_must_be_there():
    assert refusal("Dear {name}") == "The email must contain {link}."


def test_filling_in_replaces_offered_placeholders_and_leaves_other_text_alone():
    filled = GREETING.fill(
        "Dear {name}, see {link}. {unknown} {name.x} {} {{ }",
        {"name": "Sam O'Neil & co", "link": "https://example.org/a/{name}/"},
    )
    # A value is never filled in again, even when it looks like a placeholder.
    assert filled == (
        "Dear Sam O'Neil & co, see https://example.org/a/{name}/. {unknown} {name.x} {} {{ }"
    )


def test_filling_in_needs_a_value_for_every_offered_placeholder():
    with pytest.raises(KeyError):
        GREETING.fill("Dear {name}", {"name": "Sam"})


# In the admin ------------------------------------------------------------------


def field_errors(response, field):
    """The error text Wagtail shows beside one field of an edit form."""
    found = re.search(rf'id="[^"]*-{field}-errors">(.*?)</div>', response.content.decode(), re.S)
    assert found, f"no error block for {field}"
    return html.unescape(" ".join(re.sub(r"<[^>]+>", " ", found.group(1)).split()))


@pytest.mark.django_db
def test_interest_messages_refuse_an_unknown_placeholder_beside_its_field(
    client, django_user_model
):
    client.force_login(make_user(django_user_model, "pd", ["Personal data"]))
    messages = InterestMessages.load()
    url = reverse("wagtailsettings:edit", args=("opportunities", "interestmessages", messages.pk))
    fields = [
        "selected_subject",
        "selected_body",
        "not_selected_subject",
        "not_selected_body",
        "outcome_subject",
        "outcome_body",
    ]
    data = {field: getattr(messages, field) for field in fields}
    data["outcome_subject"] = "News about {title}"
    response = client.post(url, data)
    assert response.status_code == 200
    assert field_errors(response, "outcome_subject").startswith(
        "We cannot fill in {title}. You can use {name} for the person's name"
    )
    assert field_errors(response, "outcome_body") == ""
    assert InterestMessages.load().outcome_subject == "What changed: {opportunity}"


@pytest.mark.django_db
def test_ladder_settings_refuse_beside_each_field(client, django_user_model):
    client.force_login(make_user(django_user_model, "lm", ["Ladder managers"]))
    url = reverse(
        "wagtailsettings:edit", args=("ladder", "laddersettings", LadderSettings.load().pk)
    )
    response = client.post(
        url,
        {
            "invitation_subject": "Ladder: {partner",
            "invitation_body": "Hi {name}. Share {answer_link}.",
            "invitation_valid_days": "30",
        },
    )
    assert response.status_code == 200
    assert field_errors(response, "invitation_subject") == (
        "Curly brackets are only for placeholders such as {lead_name}. Check each { has a }."
    )
    assert field_errors(response, "invitation_body").startswith(
        "We cannot fill in {name}. You can use {lead_name} for the lead contact's name"
    )
    response = client.post(
        url,
        {
            "invitation_subject": "Ladder: {partner}",
            "invitation_body": "Hi {lead_name}. Share {answer_link}.",
            "invitation_valid_days": "30",
        },
    )
    assert field_errors(response, "invitation_body") == "The email must contain {lead_link}."
