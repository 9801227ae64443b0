"""Browser tests: Debian's Chromium driven by Playwright against a live server,
with axe-core run on every page a test visits.

Playwright's sync API runs an event loop in this thread, so Django's guard
against database calls from async code must be relaxed for these tests.
"""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# WCAG 2.2 A and AA, as tagged by axe-core.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        pytest.fail(
            f"Browser tests need Debian's Chromium at {CHROMIUM}: run `make test` as root, "
            "or `sudo apt-get install chromium`."
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Once Playwright's event loop runs in this thread, Django hands out
    # connections per async context; close this thread's own first, so no
    # connection is left open (and forgotten) on a database that is later
    # copied or replaced (tests/database_states.py).
    connections.close_all()
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
    )
    yield browser
    browser.close()
    playwright.stop()
    connections.close_all()


REPORTS = pytest.StashKey()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so fixtures can tell if it passed."""
    report = yield
    item.stash.setdefault(REPORTS, {})[report.when] = report
    return report


def passed(request):
    reports = request.node.stash.get(REPORTS, {})
    return "call" in reports and reports["call"].passed


def wait_for_messages(page):
    """Wagtail's admin messages fade in: wait until they are fully shown, as a
    person would read them (and axe-core must measure their contrast)."""
    messages = page.locator(".messages > ul")
    if messages.count():
        expect(messages).to_have_css("opacity", "1")


class CheckedPage:
    """A Playwright page that remembers every document it loaded, so the test
    fails if any of them was not checked with axe-core."""

    def __init__(self, page, live_server_url, axe_page=None):
        self.page = page
        # With JavaScript off, axe-core cannot run in the page itself, so the
        # same HTML is checked in a second, script-enabled page at the same URL.
        self.axe_page = axe_page
        self.base_url = live_server_url
        self.visited = []
        self.checked = set()
        page.on("framenavigated", self._record)

    def _record(self, frame):
        if frame == self.page.main_frame:
            self.visited.append(frame.url.split("#")[0])

    def visit(self, path):
        response = self.page.goto(self.base_url + path)
        self.check_accessibility()
        return response

    def check_accessibility(self):
        self.page.wait_for_load_state("load")
        wait_for_messages(self.page)
        target = self.page
        if self.axe_page is not None:
            html = self.page.content()
            self.axe_page.goto(self.page.url)
            self.axe_page.set_content(html)
            target = self.axe_page
        results = Axe().run(
            target,
            options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
        )
        violations = results.response["violations"]
        described = [
            f"{v['id']} ({v['impact']}): {v['help']} -> "
            + "; ".join(node["html"][:120] for node in v["nodes"][:3])
            for v in violations
        ]
        assert not violations, f"axe-core on {self.page.url}:\n" + "\n".join(described)
        self.checked.add(self.page.url.split("#")[0])

    def screenshot(self, name):
        if os.environ.get("SCREENSHOTS"):
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=SCREENSHOT_DIR / f"{name}.png")

    def assert_every_page_checked(self):
        missed = [url for url in self.visited if url not in self.checked and url != "about:blank"]
        assert not missed, f"Pages visited without an axe-core check: {missed}"


def _checked_page(chromium, live_server, **context_options):
    context = chromium.new_context(**context_options)
    axe_page = None
    if context_options.get("java_script_enabled") is False:
        axe_page = chromium.new_context().new_page()
    checked = CheckedPage(context.new_page(), live_server.url, axe_page=axe_page)
    return context, checked


def _close(request, context, checked):
    context.close()
    if checked.axe_page is not None:
        checked.axe_page.context.close()
    # A test that failed part-way left pages unchecked; saying so again as a
    # teardown error would only hide the real failure.
    if passed(request):
        checked.assert_every_page_checked()


@pytest.fixture
def browser_page(request, chromium, live_server, demo_site):
    context, checked = _checked_page(chromium, live_server, viewport={"width": 1024, "height": 800})
    yield checked
    _close(request, context, checked)


@pytest.fixture
def no_js_page(request, chromium, live_server, demo_site):
    context, checked = _checked_page(chromium, live_server, java_script_enabled=False)
    yield checked
    _close(request, context, checked)


@pytest.fixture
def phone_page(request, chromium, live_server, demo_site):
    context, checked = _checked_page(
        chromium, live_server, viewport={"width": 320, "height": 640}, is_mobile=True
    )
    yield checked
    _close(request, context, checked)
