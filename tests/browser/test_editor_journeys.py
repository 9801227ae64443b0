"""Editors in the real admin, in Chromium: an Editor writes an opportunity and submits
it; a Moderator approves it; it is live on the board. A Ladder manager adds a
question and a new self-assessment asks it.

Every page visited is checked with axe-core. Our public pages must be clean.
Wagtail's own admin screens are checked too, with the rules listed in
ADMIN_EXCLUSIONS switched off there only (each is Wagtail's markup, which we
cannot change, and each is named with the reason). Screenshots for
docs/editors.md are saved at 1024x700 when SCREENSHOTS=1 (`make screenshots`).
"""

import re
from datetime import timedelta

from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

from ladder.models import Questionnaire
from opportunities.models import OpportunityIndexPage, OpportunityPage
from signin.policy import second_factor_required
from tests.browser import signing_in
from tests.browser.conftest import AXE_TAGS, wait_for_messages
from tests.two_factor import enrol_authenticator

PASSWORD = "a long test password 1"


# (axe rule, a fragment of the offending element's HTML, why we cannot fix it).
ADMIN_EXCLUSIONS = [
    (
        "aria-input-field-name",
        "public-DraftEditor-content",
        "Wagtail's rich text editor (Draftail) gives its editable area no accessible name; "
        "the field's visible label sits outside it. Wagtail's markup, not ours.",
    ),
    (
        "scrollable-region-focusable",
        "w-minimap__list",
        "Wagtail's minimap of a long form scrolls but cannot take focus; every "
        "section it links to is reachable by keyboard in the form itself.",
    ),
]


def check_admin(checked):
    """axe-core on a Wagtail admin screen, ignoring only ADMIN_EXCLUSIONS' elements."""
    page = checked.page
    page.wait_for_load_state("load")
    wait_for_messages(page)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    left = []
    for violation in results.response["violations"]:
        nodes = [
            node
            for node in violation["nodes"]
            if not any(
                violation["id"] == rule and fragment in node["html"]
                for rule, fragment, _why in ADMIN_EXCLUSIONS
            )
        ]
        left += [f"{violation['id']}: {node['html'][:120]}" for node in nodes]
    assert not left, f"axe-core on {page.url}:\n" + "\n".join(left)
    checked.checked.add(page.url.split("#")[0])


def person(username, group):
    """Someone in ``group``, with an authenticator on their phone if their role needs one."""
    user = User.objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name=group))
    if second_factor_required(user):
        enrol_authenticator(user)
    return user


def sign_in(checked, username):
    page = checked.page
    signing_in.sign_in(checked, username, PASSWORD, check=check_admin)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_admin(checked)


def sign_out(checked):
    checked.page.context.clear_cookies()


def footer_action(page, name):
    """Choose an action from the editor's footer: the main button or the menu above it."""
    button = page.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.get_by_role("button", name="More actions").click()
    button.click()


def test_editor_writes_an_opportunity_and_a_moderator_approves_it(browser_page):
    checked, page = browser_page, browser_page.page
    page.set_viewport_size({"width": 1024, "height": 700})
    board = OpportunityIndexPage.objects.get()
    person("edith", "Editors")
    person("mo", "Moderators")

    # The Editor writes it.
    sign_in(checked, "edith")
    checked.screenshot("editors-dashboard")
    page.goto(checked.base_url + f"/admin/pages/add/opportunities/opportunitypage/{board.pk}/")
    check_admin(checked)
    page.locator("#id_title").fill("Shape the new bus routes")
    page.locator("#id_summary").fill("Tell the transport team what works on your bus journey.")
    page.locator("#id_lived_experience_sought").fill(
        "People who rely on buses to get to work or care."
    )
    closes = timezone.localtime() + timedelta(days=21)
    page.locator("#id_closes_at").fill(closes.strftime("%Y-%m-%d %H:%M"))
    page.locator("#id_pay_amount").fill("30")
    page.locator("#id_pay_unit").select_option("session")
    page.locator("#id_hours_per_session").fill("2")
    page.locator("#id_number_of_sessions").fill("3")
    page.get_by_role("checkbox", name="BSL interpreter").check()
    page.get_by_role("checkbox", name="Step-free venue").check()
    checked.screenshot("editors-add-opportunity-access")
    # Centred at once (no smooth scrolling), so the screenshot shows it at rest.
    page.locator("#id_pay_amount").evaluate(
        "el => el.scrollIntoView({block: 'center', behavior: 'instant'})"
    )
    expect(page.locator("#id_pay_amount")).to_be_in_viewport()
    checked.screenshot("editors-add-opportunity-pay")
    footer_action(page, "Submit to Moderators approval")
    expect(page.get_by_text("created and submitted for moderation")).to_be_visible(timeout=20000)
    check_admin(checked)

    opportunity = OpportunityPage.objects.get(title="Shape the new bus routes")
    assert not opportunity.live
    assert opportunity.current_workflow_state.workflow.name == "Moderators approval"
    assert {a.name for a in opportunity.access_support.all()} == {
        "BSL interpreter",
        "Step-free venue",
    }

    # The Moderator sees it waiting and approves it.
    sign_out(checked)
    sign_in(checked, "mo")
    expect(page.get_by_text("Awaiting your review")).to_be_visible()
    checked.screenshot("editors-awaiting-review")
    page.get_by_role("link", name="Shape the new bus routes").first.click()
    expect(page.locator("#id_summary")).to_have_value(
        "Tell the transport team what works on your bus journey."
    )
    check_admin(checked)
    page.get_by_role("button", name="More actions").click()
    checked.screenshot("editors-approve")
    page.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(page.get_by_text("Page 'Shape the new bus routes' has been updated.")).to_be_visible(
        timeout=20000
    )
    row = page.get_by_role("row", name=re.compile("Shape the new bus routes"))
    expect(row.get_by_role("link", name="Current page status: live")).to_be_visible()
    check_admin(checked)
    opportunity.refresh_from_db()
    assert opportunity.live

    # Live on the public board (newest first), with its pay and access support.
    checked.visit(board.url + "?sort=newest")
    link = page.get_by_role("link", name="Shape the new bus routes")
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Shape the new bus routes")
    checked.check_accessibility()
    expect(page.get_by_text("BSL interpreter")).to_be_visible()
    expect(page.get_by_text(re.compile(r"£30 per session"))).to_be_visible()


def test_moderator_marks_places_filled_from_the_listing(browser_page):
    checked, page = browser_page, browser_page.page
    page.set_viewport_size({"width": 1024, "height": 700})
    board = OpportunityIndexPage.objects.get()
    opportunity = (
        OpportunityPage.objects.live()
        .filter(closes_at__gt=timezone.now(), places_filled=False)
        .order_by("closes_at")
        .first()
    )
    person("mo", "Moderators")
    sign_in(checked, "mo")
    checked.screenshot("editors-moderator-dashboard")
    page.goto(checked.base_url + f"/admin/pages/{board.pk}/")
    check_admin(checked)
    page.get_by_role("button", name=f"More options for '{opportunity.title}'").click()
    mark = page.get_by_role("link", name="Mark places filled")
    expect(mark).to_be_visible()
    # The menu fades in: wait until it is fully shown before the screenshot.
    expect(page.locator(".tippy-box").filter(has=mark)).to_have_css("opacity", "1")
    checked.screenshot("editors-listing-more-menu")
    page.get_by_role("link", name="Mark places filled").click()
    expect(page.get_by_text("Mark every place on this opportunity as filled?")).to_be_visible()
    check_admin(checked)
    checked.screenshot("editors-mark-places-filled")
    page.get_by_role("button", name="Yes, mark places filled").click()
    expect(page.get_by_text(f"'{opportunity.title}': places marked filled.")).to_be_visible()
    check_admin(checked)
    opportunity.refresh_from_db()
    assert opportunity.places_filled

    checked.visit(opportunity.url)
    expect(page.get_by_text("All places are filled.")).to_be_visible()


def test_personal_data_team_sees_who_is_waiting_for_a_reply(browser_page):
    checked, page = browser_page, browser_page.page
    page.set_viewport_size({"width": 1024, "height": 700})
    person("pat", "Personal data")
    sign_in(checked, "pat")
    expect(page.get_by_text("Expressions of interest awaiting a reply")).to_be_visible()
    checked.screenshot("editors-awaiting-reply")
    page.goto(checked.base_url + "/admin/expressions-of-interest/")
    expect(page.get_by_role("heading", name="Expressions of interest")).to_be_visible()
    check_admin(checked)
    checked.screenshot("editors-interest-list")
    page.goto(checked.base_url + "/admin/personal-data-request/")
    check_admin(checked)
    checked.screenshot("editors-personal-data-request")


def test_ladder_manager_adds_a_question_and_a_new_journey_asks_it(browser_page):
    checked, page = browser_page, browser_page.page
    page.set_viewport_size({"width": 1024, "height": 700})
    questionnaire = Questionnaire.objects.get()
    first_theme = questionnaire.themes[0].value
    original = first_theme["questions"][0]["text"]
    added = "Do people with lived experience choose who else takes part?"
    person("lena", "Ladder managers")
    sign_in(checked, "lena")

    page.goto(checked.base_url + f"/admin/snippets/ladder/questionnaire/edit/{questionnaire.pk}/")
    # The Themes section's heading (the minimap, drawn later, links to it too).
    expect(page.get_by_role("heading", name="Themes")).to_be_visible()
    check_admin(checked)
    # Duplicate the theme's first question (its answers and rungs come too), then reword it.
    question = page.locator("section.w-panel").filter(
        has=page.locator("> .w-panel__header", has_text=original[:20])
    )
    question.first.locator("> .w-panel__header").get_by_role("button", name="Duplicate").click()
    ids = page.evaluate(
        "(text) => [...document.querySelectorAll('input')]"
        ".filter(i => i.value === text).map(i => i.id)",
        original,
    )
    assert len(ids) == 2, ids
    page.locator(f"[id='{ids[1]}']").fill(added)
    page.locator(f"[id='{ids[1]}']").scroll_into_view_if_needed()
    checked.screenshot("editors-questionnaire-question")
    footer_action(page, "Publish")
    # Publishing records a version and re-indexes references: allow it time.
    expect(page).to_have_url(re.compile(r"/admin/snippets/ladder/questionnaire/$"), timeout=20000)
    expect(page.get_by_text(re.compile("published", re.I)).first).to_be_visible()
    check_admin(checked)

    questionnaire.refresh_from_db()
    texts = [q["text"] for q in questionnaire.themes[0].value["questions"]]
    assert texts[:2] == [original, added]

    # A new journey asks it, on the first theme's step.
    checked.visit("/ladder/self-assessment/")
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("About you and what you are assessing")
    checked.check_accessibility()
    page.get_by_label("Organisation name").fill("Riverside Community Health")
    page.get_by_role("group", name="What are you assessing?").locator("input").first.check()
    page.get_by_label("Name of the service, team or project").fill("Community nursing")
    page.get_by_label("Your role").fill("Team leader")
    page.get_by_role("group", name="How are you answering?").locator("input").first.check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 2 of")).to_be_visible()
    checked.check_accessibility()
    expect(page.get_by_role("group", name=added)).to_be_visible()
