""" "Send me my link again" by keyboard alone, with JavaScript on and off:
the errors beside the fields, then the link by email. Every page is checked
with axe-core."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from opportunities.models import OpportunityPage
from tests.browser.keyboard import tab_to
from tests.opportunities.interest_helpers import make_interest

pytestmark = pytest.mark.usefixtures("no_minimum_fill_time")


def test_asking_for_the_link_again_by_keyboard(page_js_on_and_off):
    checked = page_js_on_and_off
    opportunity = OpportunityPage.objects.live().first()
    record, _token = make_interest(opportunity, contact_email="sam@example.org")
    mail.outbox.clear()
    page = checked.page
    checked.visit("/your-link/")
    expect(page.locator("h1")).to_have_text("Send me my link again")

    # Sent empty: a summary at the top, each error beside its field.
    tab_to(page, page.get_by_role("button", name="Send my link"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_reference-error")).to_contain_text("Enter your reference")
    expect(page.locator("#id_contact-error")).to_contain_text("Enter the email address")
    assert page.title().startswith("Error:")
    checked.check_accessibility()

    # A landline: the message says what to give instead, and what was typed stays.
    tab_to(page, page.get_by_label("Your reference"))
    page.keyboard.type(record.reference.lower())
    page.keyboard.press("Tab")
    page.keyboard.type("0161 496 0123")
    page.keyboard.press("Enter")
    expect(page.locator("#id_contact-error")).to_contain_text("Enter a UK mobile number")
    expect(page.get_by_label("Your reference")).to_have_value(record.reference.lower())
    checked.check_accessibility()

    tab_to(page, page.get_by_label("Your email address or mobile number"))
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("sam@example.org")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Check your email or texts")
    checked.check_accessibility()
    [email] = mail.outbox
    assert email.to == ["sam@example.org"]
    assert record.reference in email.body
