"""The ladder and the self-assessment, start to finish: by keyboard with
JavaScript, and by mouse without it; axe-core on every step and the result."""

import re

from playwright.sync_api import expect

from tests.browser.keyboard import tab_to


def press(page, locator, key="Enter"):
    tab_to(page, locator)
    page.keyboard.press(key)


def choose(page, group, index):
    """Choose a radio button as a keyboard user does: Tab into the group (which
    focuses its first button), then arrow keys to move and select."""
    radios = group.locator("input[type=radio]")
    tab_to(page, radios.first)
    page.keyboard.press(" ")
    for _ in range(index):
        page.keyboard.press("ArrowDown")
    expect(radios.nth(index)).to_be_checked()


def test_self_assessment_by_keyboard(browser_page):
    checked, page = browser_page, browser_page.page
    checked.visit("/ladder/")
    expect(page.locator("h1")).to_have_text("The Ladder of Community Participation")
    rungs = page.locator("ol.ladder > li")
    expect(rungs).to_have_count(8)
    expect(rungs.first).to_contain_text("Rung 8: Deciding together")
    # The rule is public before anyone begins.
    expect(page.get_by_role("heading", name="What each rung requires")).to_be_visible()
    expect(page.locator(".requirements").first).to_contain_text(
        "To be above rung 2 (Steered), people must be paid for their time"
    )
    checked.screenshot("ladder")

    press(page, page.get_by_role("link", name="Take the self-assessment"))
    expect(page.locator("h1")).to_have_text("Ladder self-assessment")
    expect(page.get_by_role("heading", name="What each rung requires")).to_be_visible()
    checked.check_accessibility()

    press(page, page.get_by_role("button", name="Start now"))
    expect(page.locator("h1")).to_have_text("About you and what you are assessing")
    expect(page.get_by_text("Step 1 of 7")).to_be_visible()
    checked.check_accessibility()

    # Sending nothing shows the errors, beside the fields and in a summary.
    press(page, page.get_by_role("button", name="Save and continue"))
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    checked.check_accessibility()
    checked.screenshot("ladder-about-errors")

    tab_to(page, page.get_by_label("Organisation name"))
    page.keyboard.type("Riverside Community Health")
    choose(page, page.get_by_role("group", name="What are you assessing?"), 1)
    tab_to(page, page.get_by_label("Name of the service, team or project"))
    page.keyboard.type("Community nursing, Riverside")
    tab_to(page, page.get_by_label("Your role"))
    page.keyboard.type("Team leader")
    choose(page, page.get_by_role("group", name="How are you answering?"), 2)
    press(page, page.get_by_role("button", name="Save and continue"))

    # The carers' support service from issue 19: themes at rungs 1, 5, 2, 4 and 6.
    picks = {2: [0, 0], 3: [2, 1, 2], 4: [1, 0], 5: [2, 0], 6: [3, 2]}
    for step in range(2, 7):
        expect(page.get_by_text(f"Step {step} of 7")).to_be_visible()
        checked.check_accessibility()
        groups = page.locator("fieldset.radios")
        for index in range(groups.count()):
            choose(page, groups.nth(index), picks[step][index])
        press(page, page.get_by_role("button", name="Save and continue"))

    expect(page.locator("h1")).to_have_text("Check your answers")
    checked.check_accessibility()
    expect(page.get_by_text("Riverside Community Health")).to_be_visible()

    press(page, page.get_by_role("button", name="Send my answers and see my result"))
    expect(page.locator("h1")).to_have_text("Your self-assessment result")
    expect(page).to_have_url(re.compile(r"/ladder/self-assessment/a/[\w-]+/result/$"))
    checked.check_accessibility()
    expect(page.locator("li[aria-current=true]")).to_contain_text("Your overall rung")
    expect(page.locator("svg[role=img]")).to_be_visible()
    expect(page.get_by_role("table", name="Rung for each theme")).to_be_visible()
    # Both figures in plain words, and the answers behind each theme's rung.
    expect(page.locator(".result-explanation")).to_have_text(
        "Your themes put you at rung 4. You are shown at rung 2 because, to be above rung 2, "
        "people must be paid for their time (your Paying people and removing barriers theme "
        "is at rung 2)."
    )
    reasons = page.get_by_role("region", name="Why each theme is on its rung")
    expect(reasons).to_contain_text("Because you said:")
    expect(reasons).to_contain_text("“People pay their own”")
    checked.screenshot("ladder-result")


def test_self_assessment_without_javascript_and_resume(no_js_page):
    checked, page = no_js_page, no_js_page.page
    checked.visit("/ladder/self-assessment/")
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("About you and what you are assessing")
    checked.check_accessibility()

    page.get_by_label("Your organisation, if it is one of our partners").select_option(index=1)
    page.get_by_label("A service").check()
    page.get_by_label("Name of the service, team or project").fill("Hardship fund panel")
    page.get_by_label("Your role").fill("Panel member")
    page.get_by_label("On my own").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 2 of 7")).to_be_visible()
    checked.check_accessibility()

    # Leaving a question unanswered keeps us on the step, with the error beside it.
    groups = page.locator("fieldset.radios")
    groups.first.locator("input[type=radio]").first.check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("Choose an answer to this question").first).to_be_visible()
    expect(groups.first.locator("input[type=radio]").first).to_be_checked()
    checked.check_accessibility()

    resume_url = page.get_by_label("Your private link").input_value()
    for index in range(groups.count()):
        groups.nth(index).locator("input[type=radio]").last.check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 3 of 7")).to_be_visible()
    checked.check_accessibility()

    # Back link, then resume from the private link as if on another device.
    page.get_by_role("link", name="Back").click()
    expect(page.get_by_text("Step 2 of 7")).to_be_visible()
    checked.check_accessibility()
    page.goto(resume_url)
    expect(page.get_by_text("Step 3 of 7")).to_be_visible()
    checked.check_accessibility()

    for step in range(3, 7):
        expect(page.get_by_text(f"Step {step} of 7")).to_be_visible()
        groups = page.locator("fieldset.radios")
        for index in range(groups.count()):
            groups.nth(index).locator("input[type=radio]").first.check()
        page.get_by_role("button", name="Save and continue").click()
        if step < 6:
            expect(page.get_by_text(f"Step {step + 1} of 7")).to_be_visible()
            checked.check_accessibility()

    expect(page.locator("h1")).to_have_text("Check your answers")
    checked.check_accessibility()
    page.get_by_role("button", name="Send my answers and see my result").click()
    expect(page.locator("h1")).to_have_text("Your self-assessment result")
    expect(page.get_by_role("heading", name="Why each theme is on its rung")).to_be_visible()
    checked.check_accessibility()


def test_the_ladder_and_the_first_steps_fit_a_phone(phone_page):
    checked, page = phone_page, phone_page.page

    def fits():
        assert page.evaluate("document.documentElement.scrollWidth") <= 320

    checked.visit("/ladder/")
    fits()
    checked.visit("/ladder/self-assessment/")
    fits()
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("About you and what you are assessing")
    checked.check_accessibility()
    fits()
    checked.screenshot("ladder-about-phone")


def test_a_result_fits_a_phone(phone_page):
    from ladder.models import SelfAssessment, SelfAssessmentPage
    from ladder.submission import submit

    page_model = SelfAssessmentPage.objects.get()
    assessment, token = SelfAssessment.start(page_model.current_version())
    assessment.organisation_name = "Riverside Community Health"
    assessment.scope_type, assessment.scope_name = "team", "Community nursing"
    assessment.role, assessment.took_part = "Team leader", "alone"
    for number, theme in enumerate(assessment.version.themes):
        for question in theme["questions"]:
            assessment.answers[question["key"]] = question["options"][number % 2]["key"]
    assessment.save()
    submit(assessment)

    checked, page = phone_page, phone_page.page
    checked.visit(f"/ladder/self-assessment/a/{token}/result/")
    expect(page.locator("h1")).to_have_text("Your self-assessment result")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    checked.screenshot("ladder-result-phone")
