"""A visitor moves round the site by mouse, keyboard and without JavaScript."""

import re

from playwright.sync_api import expect


def test_home_page_and_standard_page(browser_page):
    page = browser_page.page
    browser_page.visit("/")
    expect(page.locator("h1")).to_contain_text("Get paid to change the services you know best")
    browser_page.screenshot("home")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="About us").click()
    expect(page).to_have_url(re.compile(r"/about/$"))
    expect(page.locator("h1")).to_have_text("About us")
    browser_page.check_accessibility()

    page.get_by_role("link", name="How we pay people").first.click()
    expect(page.locator("h1")).to_have_text("How we pay people")
    browser_page.check_accessibility()


def test_not_found_page(browser_page):
    response = browser_page.visit("/no-such-page/")
    assert response.status == 404
    expect(browser_page.page.locator("h1")).to_have_text("Page not found")


def test_keyboard_skip_link_and_navigation(browser_page):
    page = browser_page.page
    browser_page.visit("/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#main-content$"))

    browser_page.visit("/")
    about = page.get_by_role("navigation", name="Main").get_by_role("link", name="About us")
    for _ in range(10):
        page.keyboard.press("Tab")
        if about.evaluate("el => el === document.activeElement"):
            break
    expect(about).to_be_focused()
    # A visible focus indicator: the outline is drawn.
    outline = about.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("About us")
    browser_page.check_accessibility()


def test_site_works_without_javascript(no_js_page):
    page = no_js_page.page
    no_js_page.visit("/")
    page.get_by_role("link", name="About us").first.click()
    expect(page.locator("h1")).to_have_text("About us")
    no_js_page.check_accessibility()


def test_readable_at_320_pixels_wide(phone_page):
    page = phone_page.page
    for path in ["/", "/about/", "/about/paying-people/"]:
        phone_page.visit(path)
        overflow = page.evaluate("document.documentElement.scrollWidth")
        assert overflow <= 320, f"{path} scrolls sideways at 320px ({overflow}px)"
