"""Two-step sign-in in Chromium: a member of the Personal data group signs in,
is sent to set it up, adds the shown key to an "app" (the test works out the
code from the secret on the page, as a phone would), keeps the recovery codes,
signs out, signs in again with a code, then with a recovery code, which works
once. axe-core checks every screen. Screenshots for docs/editors.md."""

import re
import time
from base64 import b32decode

from django.contrib.auth.models import Group, User
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_messages
from tests.browser.test_editor_journeys import check_admin

PASSWORD = "a long test password 1"


def code_from_secret(secret, steps_ahead=0):
    """What an authenticator app shows for this key (RFC 6238, 30 s, 6 digits)."""
    totp = TOTP(b32decode(secret.replace(" ", "")), step=30, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def password_step(checked, username="pat"):
    page = checked.page
    page.goto(checked.base_url + "/admin/login/")
    check_admin(checked)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def sign_out(checked):
    checked.page.get_by_role("button", name="Sign out").first.click()


def code_step(checked, code):
    page = checked.page
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    check_admin(checked)
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Continue").click()


def test_set_up_sign_in_with_a_code_then_with_a_recovery_code(browser_page):
    checked, page = browser_page, browser_page.page
    user = User.objects.create_user("pat", "pat@example.org", PASSWORD)
    user.groups.add(Group.objects.get(name="Personal data"))

    password_step(checked)
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    check_admin(checked)
    checked.screenshot("two-step-set-up")
    secret = page.locator("#secret-key").inner_text()
    page.get_by_label("Code from your app").fill(code_from_secret(secret))
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    check_admin(checked)
    checked.screenshot("two-step-recovery-codes")
    codes = page.get_by_role("list", name="Recovery codes").locator("code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="I have kept my codes: continue").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    check_admin(checked)

    # Next time: password, then the code the app shows (the one after the
    # code just used, since each code works once).
    checked.page.context.clear_cookies()
    password_step(checked)
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    checked.screenshot("two-step-code")
    code_step(checked, code_from_secret(secret, steps_ahead=1))
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Enter your sign-in code")
    check_admin(checked)

    # A lost phone: a recovery code instead, once.
    checked.page.context.clear_cookies()
    password_step(checked)
    code_step(checked, codes[0])
    wait_for_messages(page)
    expect(page.get_by_text("Make new ones under Account")).to_have_count(0)
    check_admin(checked)
    checked.page.context.clear_cookies()
    password_step(checked)
    code_step(checked, codes[0])
    expect(page.get_by_text("That code is not right")).to_be_visible()
    check_admin(checked)
    sign_out(checked)
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    check_admin(checked)


def test_a_superuser_finds_the_reset_for_a_lost_phone(browser_page):
    checked, page = browser_page, browser_page.page
    from tests.two_factor import enrol_authenticator

    root = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    enrol_authenticator(root)
    lost = User.objects.create_user("sam", "sam@example.org", PASSWORD)
    lost.groups.add(Group.objects.get(name="Personal data"))
    enrol_authenticator(lost)

    from tests.browser.signing_in import sign_in

    sign_in(checked, "root", PASSWORD, check=check_admin)
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Enter your sign-in code")
    check_admin(checked)
    page.goto(checked.base_url + "/admin/users/")
    check_admin(checked)
    page.get_by_role("button", name=re.compile(r"^More options for 'sam")).click()
    page.get_by_role("link", name="Reset two-step sign-in").click()
    expect(page.get_by_role("heading", name="Reset two-step sign-in")).to_be_visible()
    check_admin(checked)
    checked.screenshot("two-step-reset")
    page.get_by_role("button", name="Reset two-step sign-in").click()
    expect(page.get_by_text("Two-step sign-in reset for sam")).to_be_visible()
    check_admin(checked)
