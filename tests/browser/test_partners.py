"""Finding a partner in the directory by keyboard, with and without JavaScript."""

import re

from playwright.sync_api import expect

from tests.browser.keyboard import tab_to


def find_by_search(checked):
    page = checked.page
    checked.visit("/partners/")
    expect(page.locator("h1")).to_have_text("Our partners")
    expect(page.locator("#partner-results-heading")).to_have_text("10 partners")

    search = page.get_by_label("Search by name or keyword")
    tab_to(page, search)
    page.keyboard.type("recovery")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/partners/\?q=recovery"))
    expect(page.locator("#partner-results-heading")).to_have_text("1 partner found")
    checked.check_accessibility()
    checked.screenshot("partners-search")

    link = page.get_by_role("link", name="Open Door Recovery Collective")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Open Door Recovery Collective")
    checked.check_accessibility()


def find_by_filter(checked):
    page = checked.page
    checked.visit("/partners/")

    kind = page.get_by_label("Kind of organisation")
    tab_to(page, kind)
    page.keyboard.press("ArrowDown")  # Council
    page.keyboard.press("ArrowDown")  # NHS body
    expect(kind).to_have_value("nhs")
    area = page.get_by_label("Area")
    tab_to(page, area)
    page.keyboard.type("London")
    expect(area).to_have_value("london")
    tab_to(page, page.get_by_role("button", name="Show partners"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"kind=nhs"))
    expect(page.locator("#partner-results-heading")).to_have_text("1 partner found")
    expect(page.get_by_label("Kind of organisation")).to_have_value("nhs")
    checked.check_accessibility()
    checked.screenshot("partners-filtered")

    link = page.get_by_role("link", name="Westbank Community Health Partnership")
    tab_to(page, link)
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Westbank Community Health Partnership")
    expect(page.get_by_text("Our commitment to co-production")).to_be_visible()
    checked.check_accessibility()
    checked.screenshot("partner-profile")

    # Back in the directory, clearing the filters shows everyone again.
    page.go_back()
    expect(page.locator("#partner-results-heading")).to_have_text("1 partner found")
    checked.check_accessibility()
    clear = page.get_by_role("link", name="Clear search and filters")
    tab_to(page, clear)
    page.keyboard.press("Enter")
    expect(page.locator("#partner-results-heading")).to_have_text("10 partners")
    checked.check_accessibility()


def test_find_a_partner_by_search_with_the_keyboard(browser_page):
    find_by_search(browser_page)


def test_find_a_partner_by_filter_with_the_keyboard(browser_page):
    find_by_filter(browser_page)


def test_find_a_partner_by_search_without_javascript(no_js_page):
    find_by_search(no_js_page)


def test_find_a_partner_by_filter_without_javascript(no_js_page):
    find_by_filter(no_js_page)


def test_directory_and_profile_fit_320_pixels(phone_page):
    page = phone_page.page
    for path in ["/partners/", "/partners/brookmere-mental-health-trust/"]:
        phone_page.visit(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} scrolls sideways at 320px ({width}px)"


def test_every_demo_profile_fits_a_320px_phone(phone_page):
    from partners.models import PartnerPage

    page = phone_page.page
    for partner in PartnerPage.objects.live():
        phone_page.visit(partner.url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{partner.url} scrolls sideways at 320px ({width}px)"
