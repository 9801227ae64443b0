"""A participant answers "How did it go?" by keyboard alone, with JavaScript
on and off, sees the error beside the consent box, then changes an answer.
Every page is checked with axe-core."""

from django.utils import timezone
from playwright.sync_api import expect


def feedback_link():
    from opportunities.models import ExpressionOfInterest
    from payments.models import Feedback

    record = ExpressionOfInterest.objects.get(reference="DMD-4M6")  # a selected demo person
    Feedback.objects.filter(interest=record).delete()
    feedback = Feedback(interest=record, reference=record.reference, asked_at=timezone.now())
    token = feedback.issue_link()
    feedback.save()
    return f"/feedback/{token}/"


def answer_by_keyboard(checked):
    page = checked.page
    checked.visit(feedback_link())
    expect(page.locator("h1")).to_have_text("How did it go?")
    expect(page.get_by_role("heading", name="How we use your answers")).to_be_visible()
    checked.check_accessibility()

    # "Have you been paid?": the arrow key moves from Yes to Not yet.
    page.locator("#id_been_paid_0").focus()
    page.keyboard.press("ArrowDown")
    expect(page.locator("#id_been_paid_1")).to_be_checked()
    page.keyboard.press("Tab")  # "Were your expenses paid when promised?": Yes
    page.keyboard.press("Space")
    expect(page.locator("#id_expenses_on_time_0")).to_be_checked()
    page.keyboard.press("Tab")  # the other three questions: left unanswered
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.type("Nobody told me when the money would come.")
    page.keyboard.press("Tab")  # may quote me: left unticked
    page.keyboard.press("Tab")  # consent: left unticked, so it is refused
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send my answers")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.locator("#id_consent-error")).to_contain_text("Tick this box")
    expect(page.locator("#id_comment")).to_have_value("Nobody told me when the money would come.")
    expect(page.locator("#id_been_paid_1")).to_be_checked()
    checked.check_accessibility()

    page.locator("#id_consent").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thank you: we have your answers")).to_be_visible()
    checked.check_accessibility()

    # Changed a week later: paid after all.
    page.locator("#id_been_paid_1").focus()
    page.keyboard.press("ArrowUp")
    expect(page.locator("#id_been_paid_0")).to_be_checked()
    page.get_by_role("button", name="Save my changes").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Thank you: we have your answers")).to_be_visible()
    checked.check_accessibility()


def saved_answers():
    from payments.models import Feedback

    feedback = Feedback.objects.get(reference="DMD-4M6")
    return feedback.been_paid, feedback.expenses_on_time, feedback.consent


def test_answer_by_keyboard_with_javascript(browser_page):
    answer_by_keyboard(browser_page)
    assert saved_answers() == ("yes", "yes", True)


def test_answer_by_keyboard_without_javascript(no_js_page):
    answer_by_keyboard(no_js_page)
    assert saved_answers() == ("yes", "yes", True)
