"""Browser tests: Debian's Chromium driven by Playwright against a live server,
with axe-core run on every page a test visits, and any Content Security Policy
violation on any page (public or admin, policies enforced) failing the test.

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
DESKTOP = {"width": 1024, "height": 800}


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


@pytest.fixture(autouse=True)
def site_address_is_the_live_server(request, settings):
    """Addresses the site writes out in full (a private link shown on screen, a
    resume link) come from SITE_URL, which in tests names the test client's
    host: here they name the server the browser is talking to."""
    if "live_server" in request.fixturenames:
        url = request.getfixturevalue("live_server").url
        settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = url


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


@pytest.fixture
def no_minimum_fill_time(monkeypatch):
    """A person takes longer than a public form's minimum fill time;
    Playwright's keyboard does not, and waiting out the clock would only slow
    the test. The minimum fill time has its own tests
    (tests/home/test_form_protection.py). Use it with
    ``pytestmark = pytest.mark.usefixtures("no_minimum_fill_time")``."""
    from home import form_protection

    monkeypatch.setattr(form_protection, "MINIMUM_FILL_SECONDS", 0)


def wait_for_messages(page):
    """Wagtail's admin messages fade in: wait until they are fully shown, as a
    person would read them (and axe-core must measure their contrast)."""
    messages = page.locator(".messages > ul")
    if messages.count():
        expect(messages).to_have_css("opacity", "1")


# Every frame of every page reports the browser's securitypolicyviolation
# events to the test (Playwright adds this script and the binding outside the
# page's policy). The console's lines are read too ("Refused to load ...",
# "Executing inline script violates ... Content Security Policy ..."), which
# is how a page with JavaScript switched off reports a blocked inline style.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolation({
        page: event.documentURI,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        where: `${event.sourceFile}:${event.lineNumber}`,
        sample: event.sample,
        disposition: event.disposition,
    });
}, true);
"""


class CspViolations:
    """Every Content Security Policy violation that a browser context saw."""

    def __init__(self, context):
        self.seen = []
        context.expose_binding("__cspViolation", lambda _source, report: self.seen.append(report))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text:
            self.seen.append({"console": message.text, "page": message.page and message.page.url})

    def assert_none(self):
        assert not self.seen, "Content Security Policy violations:\n" + "\n".join(
            str(report) for report in self.seen
        )


def serve_media_through_the_app(context, live_server_url):
    """Hand requests for uploads to the app, as production's route gets them.

    Django's live server answers MEDIA_URL from MEDIA_ROOT itself, before the
    app sees the request, so without this the browser would get none of the
    headers the app's image-only media route sends (home/security/media.py).
    """
    from django.conf import settings
    from django.test import Client

    def through_the_app(route):
        path = route.request.url[len(live_server_url) :]
        response = Client().get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        route.fulfill(status=response.status_code, headers=dict(response.items()), body=body)

    context.route(f"{live_server_url}{settings.MEDIA_URL}**", through_the_app)


class CheckedPage:
    """A Playwright page that remembers every document it loaded, so the test
    fails if any of them was not checked with axe-core."""

    def __init__(self, page, live_server_url, axe_page=None, csp_violations=()):
        self.page = page
        self.csp_violations = list(csp_violations)
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
        self.assert_no_csp_violations()

    def assert_no_csp_violations(self):
        for watch in self.csp_violations:
            watch.assert_none()

    def screenshot(self, name):
        if os.environ.get("SCREENSHOTS"):
            SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=SCREENSHOT_DIR / f"{name}.png")

    def assert_every_page_checked(self):
        missed = [url for url in self.visited if url not in self.checked and url != "about:blank"]
        assert not missed, f"Pages visited without an axe-core check: {missed}"


def _checked_page(chromium, live_server, **context_options):
    context = chromium.new_context(**context_options)
    serve_media_through_the_app(context, live_server.url)
    watches = [CspViolations(context)]
    axe_page = None
    if context_options.get("java_script_enabled") is False:
        axe_context = chromium.new_context()
        watches.append(CspViolations(axe_context))
        axe_page = axe_context.new_page()
    checked = CheckedPage(
        context.new_page(), live_server.url, axe_page=axe_page, csp_violations=watches
    )
    return context, checked


def _close(request, context, checked):
    context.close()
    if checked.axe_page is not None:
        checked.axe_page.context.close()
    # Said even after a failure: a blocked script is often why a step failed.
    checked.assert_no_csp_violations()
    # A test that failed part-way left pages unchecked; saying so again as a
    # teardown error would only hide the real failure.
    if passed(request):
        checked.assert_every_page_checked()


@pytest.fixture
def browser_page(request, chromium, live_server, demo_site):
    context, checked = _checked_page(chromium, live_server, viewport=DESKTOP)
    yield checked
    _close(request, context, checked)


@pytest.fixture(params=[True, False], ids=["js", "no-js"])
def page_js_on_and_off(request, chromium, live_server, demo_site):
    """``browser_page``, once with JavaScript on and once with it off."""
    context, checked = _checked_page(
        chromium, live_server, viewport=DESKTOP, java_script_enabled=request.param
    )
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
