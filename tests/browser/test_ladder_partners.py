"""A partner's team assessment end to end: two people answer one invitation, the
lead contact sees the combined result (groups under 5 withheld) and asks to publish it, a moderator
approves in the admin, and the profile shows the rung. axe-core on every page."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group, User
from django.utils import timezone
from playwright.sync_api import expect

from ladder.models import Invitation
from partners.models import PartnerPage
from tests.browser.signing_in import sign_in
from tests.two_factor import enrol_authenticator

PARTNER_SLUG = "calder-valley-university"


def answer_invitation(checked, link, relation, role, option):
    page = checked.page
    checked.visit(link)
    expect(page.locator("h1")).to_contain_text("Calder Valley University")
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("About you")
    checked.check_accessibility()

    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Choose how you relate to the organisation").first).to_be_visible()
    checked.check_accessibility()

    page.get_by_label(relation, exact=True).check()
    page.get_by_label("Your role").fill(role)
    page.get_by_label("On my own").check()
    left = page.url
    page.get_by_role("button", name="Save and continue").click()
    while True:
        # The next page itself: every step's heading differs from "About you",
        # the step just left included.
        expect(page).not_to_have_url(left)
        expect(page.locator("h1")).not_to_have_text("About you")
        checked.check_accessibility()
        if page.locator("h1").inner_text() == "Check your answers":
            break
        groups = page.locator("fieldset.radios")
        for index in range(groups.count()):
            radios = groups.nth(index).locator("input[type=radio]")
            radios.nth(min(option, radios.count() - 1)).check()
        left = page.url
        page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text(relation).first).to_be_visible()
    page.get_by_role("button", name="Send my answers and see my result").click()
    expect(page.locator("h1")).to_have_text("Your self-assessment result")
    expect(page.get_by_role("heading", name="Part of a team assessment")).to_be_visible()
    checked.check_accessibility()


def test_team_assessment_to_published_rung(browser_page, live_server):
    checked, page = browser_page, browser_page.page
    partner = PartnerPage.objects.get(slug=PARTNER_SLUG)
    invitation = Invitation.objects.create(
        partner=partner,
        scope_kind="project",
        scope_name="Lived experience research panel",
        lead_name="Priya Lead",
        contact_email="priya@calder.example",
        expires_at=timezone.now() + timedelta(days=30),
    )
    answer_link = f"/ladder/self-assessment/i/{invitation.answer_token}/"
    lead_link = f"/ladder/self-assessment/lead/{invitation.lead_token}/"

    # Before anything: the profile has no rung.
    checked.visit(partner.url)
    expect(page.get_by_role("heading", name="On our ladder")).to_have_count(0)

    answer_invitation(checked, answer_link, "Staff", "Research manager", option=3)
    answer_invitation(checked, answer_link, "Community member", "Panel member", option=0)

    # The lead contact sees both answers combined; with one of each, staff and
    # community views are not set side by side (the small-number rule).
    checked.visit(lead_link)
    expect(page.locator("h1")).to_have_text("Combined result: Calder Valley University")
    expect(page.get_by_text("2 people have answered so far")).to_be_visible()
    expect(
        page.get_by_role("table", name="Combined rung for each theme, and the spread of views")
    ).to_be_visible()
    expect(page.locator("li[aria-current=true]")).to_contain_text("Your combined rung")
    expect(page.get_by_text("Staff: fewer than 3 people")).to_be_visible()
    expect(page.get_by_text("rungs apart")).to_have_count(0)
    expect(page.get_by_text("once at least 3 of each have answered")).to_be_visible()
    # Two people: the answers behind each theme are not shown, so nobody's can be read off.
    expect(
        page.get_by_role("region", name="Why each theme is on its rung").get_by_text(
            "We show the answers once at least 3 people have answered this theme"
        )
    ).to_have_count(5)
    checked.screenshot("ladder-lead-combined")
    page.get_by_role("button", name="Ask to publish this result").click()
    expect(page.get_by_role("heading", name="We have your request")).to_be_visible()
    checked.check_accessibility()

    # Not on the profile until a moderator approves.
    checked.visit(partner.url)
    expect(page.get_by_role("heading", name="On our ladder")).to_have_count(0)

    # A moderator approves in the admin.
    moderator = User.objects.create_user("moderator-b", password="a long test password 1")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    enrol_authenticator(moderator)  # Moderators sign in with a code too
    sign_in(
        checked,
        "moderator-b",
        "a long test password 1",
        check=lambda checked: checked.check_accessibility(),
    )
    expect(page.get_by_text("Where our partners stand on the ladder")).to_be_visible()
    checked.check_accessibility()
    page.get_by_role("link", name="1 publication request").click()
    expect(page.get_by_role("cell", name="Calder Valley University")).to_be_visible()
    checked.check_accessibility()
    page.get_by_role("link", name=re.compile(r"^Publication request \d+")).click()
    expect(page.get_by_role("button", name="Approve and publish")).to_be_visible()
    checked.check_accessibility()
    page.get_by_role("button", name="Approve and publish").click()
    expect(
        page.get_by_text("Published: Calder Valley University's profile now shows")
    ).to_be_visible()
    checked.check_accessibility()  # once Wagtail's message has faded in

    # The profile now shows the rung, its date and what was assessed.
    checked.visit(partner.url)
    rung = page.get_by_role("region", name="On our ladder")
    expect(rung).to_contain_text("Rung")
    expect(rung).to_contain_text("Lived experience research panel")
    checked.screenshot("partner-profile-rung")


def test_lead_page_and_profile_fit_a_phone_without_javascript(no_js_page, phone_page):
    """The demo's published partner and an invited lead page at 320px, and
    answering an invitation with JavaScript off."""
    partner = PartnerPage.objects.get(slug="castlebrook-council")
    invitation = Invitation.objects.filter(partner=partner).order_by("-created_at").first()
    checked, page = phone_page, phone_page.page
    for path in (
        f"/ladder/self-assessment/lead/{invitation.lead_token}/",
        "/partners/?rung=" + str(invitation.publications.get().rung_level),
        "/ladder/",
    ):
        checked.visit(path)
        wide = page.evaluate(
            "[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 321)"
            ".map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))"
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, (path, wide[:8])
    expect(page.get_by_role("heading", name="Where our network stands")).to_be_visible()
    # The published rung on a profile fits too. (Castlebrook's long contact
    # address overflows the partners' facts list at 320px: not this component.)
    checked.visit(partner.url)
    box = page.locator(".partner-rung").bounding_box()
    assert box["x"] + box["width"] <= 320

    fresh = Invitation.objects.create(
        partner=partner,
        scope_name="Welfare rights team",
        scope_kind="team",
        lead_name="Lee",
        contact_email="lee@castlebrook.example",
        expires_at=timezone.now() + timedelta(days=5),
    )
    checked, page = no_js_page, no_js_page.page
    checked.visit(f"/ladder/self-assessment/i/{fresh.answer_token}/")
    page.get_by_role("button", name="Start now").click()
    expect(page.locator("h1")).to_have_text("About you")
    checked.check_accessibility()
    page.get_by_label("Volunteer", exact=True).check()
    page.get_by_label("Your role").fill("Advice volunteer")
    page.get_by_label("With colleagues").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page.get_by_text("Step 2 of")).to_be_visible()
    checked.check_accessibility()
    page.get_by_role("link", name="Back").click()
    expect(page.locator("h1")).to_have_text("About you")
    expect(page.get_by_label("Volunteer", exact=True)).to_be_checked()
    checked.check_accessibility()

    # A revoked link says so plainly.
    fresh.revoke()
    checked.visit(f"/ladder/self-assessment/i/{fresh.answer_token}/")
    expect(page.locator("h1")).to_have_text("This invitation link has been switched off")
