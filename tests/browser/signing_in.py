"""Signing in to the admin in the browser, with the code step for people who
have a second factor (tests/two_factor.py gives it to those who need one)."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.two_factor import next_code


def enter_code(checked, username, check):
    """On the code page after the password: type what the person's phone shows."""
    page = checked.page
    expect(page.get_by_role("heading", name="Enter your sign-in code")).to_be_visible()
    check(checked)
    device = TOTPDevice.objects.get(user__username=username, confirmed=True)
    page.get_by_label("Code").fill(next_code(device))
    page.get_by_role("button", name="Continue").click()


def sign_in(checked, username, password, check):
    """Wagtail's sign-in page, then the code page if the person has a second factor."""
    page = checked.page
    page.goto(checked.base_url + "/admin/login/")
    check(checked)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    if TOTPDevice.objects.filter(user__username=username, confirmed=True).exists():
        enter_code(checked, username, check)
