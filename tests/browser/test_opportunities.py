"""A person finds a paid opportunity on the board by keyboard, with and without
JavaScript and on a small phone, opens it and reads what they will get."""

import re

from playwright.sync_api import expect

from tests.browser.keyboard import tab_to


def test_filter_by_keyboard_open_one_and_read_its_pay(browser_page):
    page = browser_page.page
    browser_page.visit("/opportunities/")
    expect(page.locator("h1")).to_have_text("Paid opportunities")
    expect(page.locator(".opportunity-results__count")).to_contain_text("open opportunities")
    browser_page.screenshot("opportunities-board")

    step_free = page.get_by_role("checkbox", name="Step-free venue")
    tab_to(page, step_free)
    page.keyboard.press("Space")
    expect(step_free).to_be_checked()
    soon = page.get_by_role("checkbox", name="Closing in the next 7 days")
    tab_to(page, soon)
    button = page.get_by_role("button", name="Show opportunities")
    tab_to(page, button)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"access=step-free-venue"))
    expect(page.locator(".opportunity-results__count")).to_contain_text("found")
    expect(page.get_by_role("checkbox", name="Step-free venue")).to_be_checked()
    browser_page.check_accessibility()
    cards = page.locator(".opportunity-card")
    assert cards.count() >= 1
    # Every card says what it pays in one line.
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".opportunity-card__pay")).to_contain_text(
            re.compile(r"£|Volunteering")
        )

    first = cards.first.get_by_role("link")
    title = first.inner_text()
    tab_to(page, first)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)
    browser_page.check_accessibility()

    panel = page.get_by_role("region", name="What you’ll get")
    expect(panel).to_contain_text("£")
    expect(panel).to_contain_text("Expenses covered")
    expect(page.get_by_role("region", name="Access support")).to_contain_text("Step-free venue")
    benefits = page.get_by_role("region", name="If you get benefits")
    expect(benefits).to_contain_text("This is not advice.")
    expect(benefits.get_by_role("link", name="get advice from a benefits adviser")).to_be_visible()
    browser_page.screenshot("opportunity-pay-panel")


def test_closed_opportunity_with_what_changed(browser_page):
    page = browser_page.page
    browser_page.visit("/opportunities/?what_changed=on")
    expect(page.locator(".opportunity-results__count")).to_contain_text("found")
    page.locator(".opportunity-card").first.get_by_role("link").click()
    expect(page.get_by_role("heading", name="What changed as a result")).to_be_visible()
    browser_page.check_accessibility()
    expect(page.locator(".opportunity-banner--closed")).to_contain_text("has closed")


def test_board_works_without_javascript(no_js_page):
    page = no_js_page.page
    no_js_page.visit("/opportunities/")
    page.get_by_label("Topic").select_option(label="Housing and homelessness")
    page.get_by_label("Sort by").select_option(label="Highest hourly pay")
    page.get_by_role("button", name="Show opportunities").click()
    expect(page).to_have_url(re.compile(r"topic=housing-and-homelessness.*sort=pay"))
    no_js_page.check_accessibility()
    cards = page.locator(".opportunity-card")
    assert cards.count() >= 2
    cards.first.get_by_role("link").click()
    expect(page.get_by_role("region", name="What you’ll get")).to_contain_text("£")
    no_js_page.check_accessibility()


def test_an_empty_search_explains_what_to_do(no_js_page):
    page = no_js_page.page
    no_js_page.visit("/opportunities/?q=zzzznothing")
    expect(page.get_by_text("No opportunities match.")).to_be_visible()


def test_board_and_pages_fit_a_small_phone(phone_page):
    page = phone_page.page
    for path in [
        "/opportunities/",
        "/opportunities/peer-researchers-housing/",
        "/opportunities/hostel-rules-review/",
    ]:
        phone_page.visit(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways at 320px ({width}px)"
