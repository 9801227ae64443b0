"""Taking the self-assessment again from a result: by keyboard with JavaScript,
and by mouse without it; axe-core on every page on the way."""

import re

from playwright.sync_api import expect

from tests.browser.keyboard import tab_to


def sent_result(lowest=True):
    """A result on the demo questionnaire, every answer on its lowest rung.

    Returns its token and, for the first theme, the index of the option on the
    highest rung (to climb by when taking it again) and the theme's name.
    """
    from ladder.models import Rung, SelfAssessment, SelfAssessmentPage
    from ladder.submission import submit

    levels = dict(Rung.objects.values_list("pk", "level"))
    version = SelfAssessmentPage.objects.get().current_version()
    assessment, token = SelfAssessment.start(version)
    assessment.organisation_name = "Riverside Community Health"
    assessment.scope_type, assessment.scope_name = "team", "Community nursing"
    assessment.role, assessment.took_part = "Team leader", "alone"
    for theme in version.themes:
        for question in theme["questions"]:
            option = min(question["options"], key=lambda o: levels[o["rung_id"]])
            assessment.answers[question["key"]] = option["key"]
    assessment.save()
    submit(assessment)
    first = version.themes[0]
    climbs = [
        max(range(len(q["options"])), key=lambda i: levels[q["options"][i]["rung_id"]])
        for q in first["questions"]
    ]
    return token, climbs, first["name"]


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def choose(page, group, index):
    radios = group.locator("input[type=radio]")
    tab_to(page, radios.first)
    page.keyboard.press(" ")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(index)).to_be_checked()


def theme_row(page, name):
    table = page.get_by_role("table", name="Change since your last result")
    return table.locator("tr", has=page.locator(f"th:text-is('{name}')"))


def test_take_it_again_by_keyboard(browser_page):
    token, climbs, theme = sent_result()
    checked, page = browser_page, browser_page.page
    checked.visit(f"/ladder/self-assessment/a/{token}/result/")
    checked.check_accessibility()

    press(page, page.get_by_role("button", name="Take it again"))
    expect(page.locator("h1")).to_have_text("Check your answers")
    expect(page.get_by_role("heading", name="Taking it again")).to_be_visible()
    checked.check_accessibility()

    press(page, page.get_by_role("link", name=f"Change your answers about {theme}"))
    expect(page.locator("h1")).to_have_text(theme)
    groups = page.locator("fieldset.radios")
    # Filled in from the earlier result.
    expect(groups.first.locator("input[type=radio]:checked")).to_have_count(1)
    checked.check_accessibility()
    for index, climb in enumerate(climbs):
        choose(page, groups.nth(index), climb)
    press(page, page.get_by_role("button", name="Save and go back to your answers"))
    expect(page.locator("h1")).to_have_text("Check your answers")

    press(page, page.get_by_role("button", name="Send my answers and see my result"))
    expect(page.locator("h1")).to_have_text("Your self-assessment result")
    expect(page.get_by_role("heading", name="Since your last result")).to_be_visible()
    expect(theme_row(page, theme)).to_contain_text("Up")
    checked.check_accessibility()
    checked.screenshot("ladder-retake-result")

    press(page, page.get_by_role("region", name="Your earlier results").get_by_role("link"))
    expect(page.locator("h1")).to_have_text("An earlier self-assessment result")
    checked.check_accessibility()
    press(page, page.get_by_role("link", name="Back to your latest result"))
    expect(page.locator("h1")).to_have_text("Your self-assessment result")


def test_take_it_again_without_javascript(no_js_page):
    token, climbs, theme = sent_result()
    checked, page = no_js_page, no_js_page.page
    checked.visit(f"/ladder/self-assessment/a/{token}/result/")
    page.get_by_role("button", name="Take it again").click()
    expect(page.get_by_role("heading", name="Taking it again")).to_be_visible()
    checked.check_accessibility()
    page.get_by_role("link", name=f"Change your answers about {theme}").click()
    groups = page.locator("fieldset.radios")
    for index, climb in enumerate(climbs):
        groups.nth(index).locator("input[type=radio]").nth(climb).check()
    checked.check_accessibility()
    page.get_by_role("button", name="Save and go back to your answers").click()
    page.get_by_role("button", name="Send my answers and see my result").click()
    expect(page).to_have_url(re.compile(r"/ladder/self-assessment/a/[\w-]+/result/$"))
    expect(theme_row(page, theme)).to_contain_text("Up")
    checked.check_accessibility()
