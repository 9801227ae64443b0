""" "Send me my link again" by keyboard alone, with JavaScript on and off:
the errors beside the fields, then the link by email. Every page is checked
with axe-core."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from home import form_protection
from opportunities.models import OpportunityPage
from tests.browser.conftest import _checked_page, _close
from tests.browser.keyboard import tab_to
from tests.opportunities.interest_helpers import make_interest


@pytest.fixture(autouse=True)
def no_minimum_fill_time(monkeypatch):
    """Playwright types faster than the form's minimum fill time (tested in
    tests/home/test_form_protection.py)."""
    monkeypatch.setattr(form_protection, "MINIMUM_FILL_SECONDS", 0)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def checked(request, chromium, live_server, demo_site):
    context, checked = _checked_page(
        chromium,
        live_server,
        viewport={"width": 1024, "height": 800},
        java_script_enabled=request.param,
    )
    yield checked
    _close(request, context, checked)


def test_asking_for_the_link_again_by_keyboard(checked):
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
