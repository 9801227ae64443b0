"""Leaving the site quickly: the "Leave this site" button on every kind of
public page, by keyboard, with JavaScript on (Shift three times too) and off.

The neutral site is set to one of this site's own pages for the test: the
test server reaches no other address.
"""

import re

import pytest
from playwright.sync_api import expect

PUBLIC_PAGES = [
    "/",
    "/about/",
    "/opportunities/",
    "/opportunities/hardship-fund-panel/",
    "/opportunities/hardship-fund-panel/interest/",
    "/partners/",
    "/partners/castlebrook-council/",
    "/ladder/",
    "/ladder/self-assessment/",
    "/cover-your-tracks/",
    "/no-such-page/",
]
NEUTRAL = "/about/paying-people/"


@pytest.fixture(autouse=True)
def neutral_site(settings, live_server):
    settings.QUICK_EXIT_URL = live_server.url + NEUTRAL


def leave_button(page):
    return page.get_by_role("link", name="Leave this site quickly")


def reach_by_keyboard(page):
    """Skip link first, then the button: the second Tab on every page."""
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(leave_button(page)).to_be_focused()


def test_every_public_page_has_the_button_and_the_shortcut(browser_page, live_server):
    page = browser_page.page
    for path in PUBLIC_PAGES:
        browser_page.visit(path)
        button = leave_button(page)
        expect(button).to_be_visible()
        assert button.get_attribute("href") == live_server.url + NEUTRAL
        expect(page.get_by_text("or press Shift 3 times")).to_be_visible()
        reach_by_keyboard(page)


def test_every_public_page_has_the_button_without_javascript(no_js_page, live_server):
    page = no_js_page.page
    for path in PUBLIC_PAGES:
        no_js_page.visit(path)
        expect(leave_button(page)).to_be_visible()
        assert leave_button(page).get_attribute("href") == live_server.url + NEUTRAL
        expect(page.get_by_text("or press Shift 3 times")).to_be_hidden()
        reach_by_keyboard(page)


def test_shift_three_times_leaves_and_back_does_not_return(browser_page):
    page = browser_page.page
    browser_page.visit("/")
    browser_page.visit("/opportunities/hardship-fund-panel/interest/")
    page.locator("#id_name").focus()
    page.keyboard.type("Sam")
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page).to_have_url(re.compile(re.escape(NEUTRAL) + "$"))
    browser_page.check_accessibility()
    page.go_back()
    expect(page).not_to_have_url(re.compile(r"/interest/$"))


def test_the_button_is_the_second_tab_stop_and_leaves_by_enter(browser_page):
    page = browser_page.page
    browser_page.visit("/partners/")
    reach_by_keyboard(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(NEUTRAL) + "$"))
    browser_page.check_accessibility()


def test_without_javascript_it_is_a_plain_link(no_js_page):
    page = no_js_page.page
    no_js_page.visit("/ladder/self-assessment/")
    reach_by_keyboard(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(NEUTRAL) + "$"))
    no_js_page.check_accessibility()
