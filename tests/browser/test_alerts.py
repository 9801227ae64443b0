"""Alerts on a saved search by keyboard alone, with JavaScript on and off:
from a filtered board to the form, the errors beside the fields, the page
after sending, then confirming by the emailed link. Every page is checked
with axe-core."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models import Topic
from opportunities.models import SearchAlert
from tests.browser.keyboard import tab_to

pytestmark = pytest.mark.usefixtures("no_minimum_fill_time")


def test_following_a_filtered_board_by_keyboard(page_js_on_and_off):
    checked = page_js_on_and_off
    topic = Topic.objects.order_by("name").first()
    mail.outbox.clear()
    page = checked.page
    checked.visit(f"/opportunities/?topic={topic.slug}")
    tab_to(page, page.get_by_role("link", name="Tell me about new opportunities like these"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Tell me about new opportunities like these")
    checked.check_accessibility()

    # Sent empty: a summary at the top, the error beside the question.
    tab_to(page, page.get_by_role("button", name="Send"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    assert page.title().startswith("Error:")
    checked.check_accessibility()

    tab_to(page, page.get_by_label("Email address"))
    page.keyboard.type("sam@example.org")
    tab_to(page, page.get_by_label("Yes. It is fine if someone else reads it"))
    page.keyboard.press("Space")
    tab_to(page, page.get_by_role("button", name="Send"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Check your email or texts")
    checked.check_accessibility()

    alert = SearchAlert.objects.get()
    assert alert.query == f"topic={topic.slug}"
    [email] = mail.outbox
    confirm = re.search(r"https?://[^/\s]+(/your-alerts/\S+/confirm/)", email.body)[1]
    checked.visit(confirm)
    tab_to(page, page.get_by_role("button", name="Confirm my alerts"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Your alerts")
    checked.check_accessibility()
    alert.refresh_from_db()
    assert alert.confirmed_at is not None
