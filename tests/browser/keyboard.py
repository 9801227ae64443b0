"""Moving through a page as a keyboard user does."""


def tab_to(page, locator, limit=120):
    """Press Tab until ``locator`` has focus; fail if it cannot be reached."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Could not reach {locator} with the Tab key")
