"""A person expresses interest by keyboard alone, with JavaScript on and off,
checks their status by the private link and withdraws. Every page is checked
with axe-core, including the form with its errors."""

import re

import pytest
from playwright.sync_api import expect

OPPORTUNITY = "/opportunities/hardship-fund-panel/"


pytestmark = pytest.mark.usefixtures("no_minimum_fill_time")


def tab_and(page, key=None, text=None):
    page.keyboard.press("Tab")
    if text is not None:
        page.keyboard.type(text)
    if key is not None:
        page.keyboard.press(key)


def express_interest_by_keyboard(checked, email):
    page = checked.page
    checked.visit(OPPORTUNITY)
    # The one at the top, in the at-a-glance block.
    start = page.get_by_role("link", name="Tell us you are interested").first
    start.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Tell us you are interested")
    checked.check_accessibility()
    checked.screenshot("interest-form")

    # Sending it empty: a summary at the top, each error beside its field.
    page.get_by_role("button", name="Send").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_name-error")).to_contain_text("Enter your name")
    expect(page.locator("#id_consent-error")).to_contain_text("Tick the box to agree")
    assert page.title().startswith("Error:")
    checked.check_accessibility()
    checked.screenshot("interest-form-errors")

    # Fill it in field by field with Tab, Space and typing only.
    page.locator("#id_name").focus()
    page.keyboard.type("Sam Jones")
    tab_and(page)  # "filling in for someone else": left unticked
    tab_and(page)  # their name: left empty
    tab_and(page)  # how to cover your tracks (a link in the question's hint)
    expect(page.get_by_role("link", name="How to cover your tracks online")).to_be_focused()
    tab_and(page, text=email)
    tab_and(page, key="Space")  # may we email you: yes, safe (the first answer)
    expect(page.locator("#id_email_wish_0")).to_be_checked()
    tab_and(page)  # phone number: left empty
    tab_and(page)  # may we text you: left unanswered (no)
    tab_and(page)  # may we call you: left unanswered (no)
    tab_and(page)  # support worker: left empty
    tab_and(page)  # through a support worker: left unanswered (no)
    tab_and(page, text="Step-free access, please")
    tab_and(page, key="Space")  # keep my access needs
    tab_and(page, text="Mornings are best")
    tab_and(page, key="Space")  # tell me what changed
    tab_and(page, key="Space")  # consent
    expect(page.locator("#id_consent")).to_be_checked()
    tab_and(page)
    expect(page.get_by_role("button", name="Send")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("h1")).to_have_text("We have your interest")
    reference = page.locator(".confirmation-panel__reference").inner_text()
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", reference)
    expect(page.get_by_role("heading", name="What happens next")).to_be_visible()
    checked.check_accessibility()
    checked.screenshot("interest-confirmation")

    link = page.get_by_role("link", name="Check or withdraw your interest")
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your interest")
    expect(page.locator(".interest-summary")).to_contain_text(reference)
    checked.check_accessibility()

    page.get_by_role("link", name="Withdraw my interest").focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Are you sure you want to withdraw?")
    checked.check_accessibility()
    page.get_by_role("button", name="Yes, withdraw my interest").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_text("You have withdrawn your interest")).to_be_visible()
    checked.check_accessibility()
    return reference


def test_express_interest_by_keyboard_with_javascript(browser_page):
    from opportunities.models import ExpressionOfInterest

    reference = express_interest_by_keyboard(browser_page, "sam.js@example.org")
    record = ExpressionOfInterest.objects.get(reference=reference)
    assert record.status == "withdrawn"
    assert record.access_needs == "Step-free access, please" and record.wants_outcome


def test_express_interest_by_keyboard_without_javascript(no_js_page):
    from opportunities.models import ExpressionOfInterest

    reference = express_interest_by_keyboard(no_js_page, "sam.nojs@example.org")
    assert ExpressionOfInterest.objects.get(reference=reference).status == "withdrawn"


def test_interest_form_fits_a_phone(phone_page):
    page = phone_page.page
    phone_page.visit(OPPORTUNITY + "interest/")
    expect(page.locator("h1")).to_have_text("Tell us you are interested")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
