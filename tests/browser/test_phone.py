"""On a 360 × 640 phone: filtering lands on the results with focus on their
heading (JavaScript on and off), every open demo opportunity shows its
interest button in the first screen, and nothing scrolls sideways at 320 px."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from opportunities.models import OpportunityPage
from tests.browser.conftest import _checked_page, _close

PHONE = {"width": 360, "height": 640}


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def phone(request, chromium, live_server, demo_site):
    context, checked = _checked_page(
        chromium, live_server, viewport=PHONE, is_mobile=True, java_script_enabled=request.param
    )
    yield checked
    _close(request, context, checked)


def focused_id(page):
    return page.evaluate("document.activeElement && document.activeElement.id")


def test_filtering_lands_on_the_results_with_focus_on_their_heading(phone):
    page = phone.page
    phone.visit("/opportunities/")
    heading = page.locator("#opportunity-results-heading")
    toggle = page.get_by_text("Filter results", exact=True)
    # The count first, the filters folded, a result inside the first screen.
    expect(heading).to_contain_text("open opportunities")
    expect(toggle).to_be_visible()
    expect(page.get_by_label("Area")).to_be_hidden()
    first_card = page.locator(".opportunity-card").first.bounding_box()
    assert first_card["y"] < PHONE["height"], "no result in the first screen"

    toggle.click()
    expect(page.get_by_role("link", name="What the levels of say mean")).to_be_visible()
    expect(page.get_by_label("How much say you get")).not_to_contain_text("Present for show")
    page.get_by_label("Area").select_option(label="Greater Manchester")
    page.get_by_role("checkbox", name="Step-free venue").check()
    page.get_by_label("Hourly pay at least (£)").fill("15")
    page.get_by_role("button", name="Show opportunities").click()

    expect(page).to_have_url(re.compile(r"min_pay=15.*#opportunity-results-heading$"))
    expect(heading).to_contain_text("found")
    expect(page.get_by_text("Filter results (3 chosen)")).to_be_visible()
    phone.check_accessibility()
    assert focused_id(page) == "opportunity-results-heading"
    expect(heading).to_be_in_viewport()
    # Open ones first: no card marked filled or closed before an open one.
    statuses = page.locator(".opportunity-card .status-badge").all_inner_texts()
    unavailable = [s in ("Places filled", "Closed") for s in statuses]
    assert unavailable == sorted(unavailable), statuses


def test_every_open_opportunity_has_its_button_in_the_first_screen(
    chromium, live_server, demo_site, phone_page
):
    # One opportunity fully checked (axe, policy) as a person would see it...
    phone_page.page.set_viewport_size(PHONE)
    phone_page.visit("/opportunities/damp-and-mould-stories/")
    expect(
        phone_page.page.get_by_role("link", name="Tell us you are interested").first
    ).to_be_in_viewport()

    # ...then every open demo opportunity, and the home page and board, on one plain page.
    context = chromium.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    open_pages = [
        p
        for p in OpportunityPage.objects.live().filter(closes_at__gt=timezone.now())
        if p.accepts_interest
    ]
    assert len(open_pages) >= 15
    paths = ["/", "/opportunities/", "/opportunities/hostel-rules-review/"]
    try:
        for opportunity in open_pages:
            page.set_viewport_size(PHONE)
            page.goto(live_server.url + opportunity.url)
            button = page.get_by_role("link", name="Tell us you are interested").first
            box = button.bounding_box()
            assert box and box["y"] + box["height"] <= PHONE["height"], (
                f"{opportunity.url}: the interest button ends at "
                f"{box and box['y'] + box['height']}px"
            )
            assert_fits_320(page, opportunity.url)
        for path in paths:
            page.set_viewport_size(PHONE)
            page.goto(live_server.url + path)
            if path == "/":
                # What the site is, and the way to the opportunities, in the first screen.
                link = page.get_by_role(
                    "link", name=re.compile(r"^See the \d+ open opportunities$")
                )
                box = link.bounding_box()
                assert box and box["y"] + box["height"] <= PHONE["height"], box
            assert_fits_320(page, path)
    finally:
        context.close()


def assert_fits_320(page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} scrolls sideways at 320px ({width}px)"
