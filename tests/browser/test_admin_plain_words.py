"""The admin as editors meet it, in Chromium: an Editor's page explorer opens
at the home page (not Root); an expression of interest reads Yes / No, with
a bulk action bar that names what is ticked; a rung's colour is picked with
the browser's colour picker and a light one is refused. axe-core checks each admin
screen with today's named exclusions only (test_editor_journeys.ADMIN_EXCLUSIONS)."""

from playwright.sync_api import expect
from wagtail.models import Site

from ladder.models import Rung
from opportunities.models import OpportunityPage
from tests.browser.test_editor_journeys import check_admin, person, sign_in
from tests.opportunities.interest_helpers import make_interest


def test_an_editor_explorer_opens_at_the_home_page(browser_page):
    checked, page = browser_page, browser_page.page
    home = Site.objects.get(is_default_site=True).root_page
    person("eddie", "Editors")
    sign_in(checked, "eddie")
    page.get_by_role("link", name="Pages").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(home.title)
    expect(page.get_by_text("Configure a site now")).to_have_count(0)
    check_admin(checked)


def test_an_expression_of_interest_reads_yes_and_no(browser_page):
    checked, page = browser_page, browser_page.page
    opportunity = OpportunityPage.objects.live().first()
    record, _ = make_interest(
        opportunity, contact_phone="07700 900123", call_ok=True, call_safe=False
    )
    person("pat", "Personal data")
    sign_in(checked, "pat")

    page.goto(f"{checked.base_url}/admin/expressions-of-interest/inspect/{record.pk}/")
    may_call = page.locator("dt", has_text="May call").locator("xpath=following-sibling::dd[1]")
    expect(may_call).to_have_text("Yes")
    calls_safe = page.locator("dt", has_text="Calls are safe").locator(
        "xpath=following-sibling::dd[1]"
    )
    expect(calls_safe).to_have_text("No")
    check_admin(checked)

    page.goto(f"{checked.base_url}/admin/expressions-of-interest/")
    page.locator("input[data-bulk-action-checkbox]").first.check()
    expect(page.locator("[data-bulk-action-num-objects]")).to_have_text(
        "1 expression of interest selected"
    )
    check_admin(checked)


def test_a_ladder_manager_picks_a_rung_colour_and_a_light_one_is_refused(browser_page):
    checked, page = browser_page, browser_page.page
    rung = Rung.objects.live().order_by("level").first()
    person("lena", "Ladder managers")
    sign_in(checked, "lena")
    page.goto(f"{checked.base_url}/admin/snippets/ladder/rung/")
    check_admin(checked)
    page.get_by_role("link", name=rung.name, exact=True).click()
    colour = page.locator("input#id_colour")
    expect(colour).to_have_attribute("type", "color")
    check_admin(checked)

    colour.fill("#f2c14e")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("has a contrast ratio of 1.67:1")).to_be_visible()
    check_admin(checked)
    rung.refresh_from_db()
    assert rung.colour != "#f2c14e"
