"""In Chromium, with the policies enforced: the editor's userbar and its
accessibility checker work on public pages, the editor's preview is framed,
and no uploaded file of any allowed type runs script on the site's origin,
while a PDF still opens."""

import re

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.models import StandardPage
from tests.browser.conftest import CspViolations, serve_media_through_the_app
from tests.browser.test_editor_journeys import check_admin, person, sign_in
from tests.home.uploads import (
    HTML_PAGE,
    SVG_WITH_SCRIPT,
    image_bytes,
    pdf_bytes,
    png_carrying_a_script,
)


def test_userbar_and_its_accessibility_checker_work_under_the_public_policy(browser_page):
    checked, page = browser_page, browser_page.page
    person("eddie", "Editors")
    sign_in(checked, "eddie")

    checked.visit("/about/")
    page.get_by_role("button", name="View Wagtail quick actions").click()
    expect(page.get_by_role("menuitem", name="Edit this page")).to_be_visible()
    page.get_by_role("menuitem", name=re.compile("Checks")).click()
    dialog = page.get_by_role("dialog", name="Warnings")
    expect(dialog).to_be_visible()
    # axe-core ran in the page and counted what it found.
    expect(dialog.locator("[data-content-checker-count]")).to_have_text(re.compile(r"^\d+$"))
    dialog.get_by_role("button", name="Close dialog").click()
    expect(dialog).to_be_hidden()


def test_the_editors_preview_is_shown_in_its_frame(browser_page):
    checked, page = browser_page, browser_page.page
    person("eddie", "Editors")
    sign_in(checked, "eddie")
    about = StandardPage.objects.get(slug="about")

    page.goto(checked.base_url + f"/admin/pages/{about.pk}/edit/")
    page.get_by_role("button", name="Toggle preview").click()
    # Wagtail loads the preview in a second frame and swaps it in once loaded.
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.get_by_role("heading", level=1)).to_have_text("About us")
    check_admin(checked)


@pytest.fixture
def hostile_uploads(transactional_db):
    """Every kind of file an editor may upload, each carrying a script."""
    Image, Document = get_image_model(), get_document_model()
    collection = Collection.get_first_root_node()

    def image(name, content):
        return Image.objects.create(
            title=name, file=ContentFile(content, name), width=40, height=30
        )

    def document(name, content):
        return Document.objects.create(
            title=name, file=ContentFile(content, name), collection=collection
        )

    polyglot = image("workshop.png", png_carrying_a_script())
    return {
        "images": [polyglot.file.url, polyglot.get_rendition("width-20").url],
        # Uploaded before SVGs were refused, and not yet removed.
        "not served": [image("logo.svg", SVG_WITH_SCRIPT).file.url],
        "opened": [
            document("guide.pdf", pdf_bytes(script=b"app.alert('ran')") + HTML_PAGE).url,
            document("renamed-page.pdf", HTML_PAGE).url,
        ],
        "downloaded": [
            document("notes.txt", HTML_PAGE).url,
            document("renamed-page.csv", HTML_PAGE).url,
        ],
        "plain pdf": document("paying-people.pdf", pdf_bytes("Paying people: our guide")).url,
        "gif": image("chart.gif", image_bytes(format="GIF") + HTML_PAGE).file.url,
    }


def test_no_uploaded_file_runs_script_on_the_sites_origin(chromium, live_server, hostile_uploads):
    context = chromium.new_context()
    serve_media_through_the_app(context, live_server.url)
    violations = CspViolations(context)
    ran = []
    context.expose_binding("ranScript", lambda _source, where: ran.append(where))
    page = context.new_page()
    base = live_server.url

    # The watch works: the same script in a page of the site's own origin runs.
    page.route(
        base + "/control/",
        lambda route: route.fulfill(body=HTML_PAGE, content_type="text/html"),
    )
    page.goto(base + "/control/")
    expect(page.get_by_role("heading", name="Hello")).to_be_visible()
    assert ran == [base + "/control/"]
    assert "ran_script" in {cookie["name"] for cookie in context.cookies()}
    ran.clear()
    context.clear_cookies()

    for url in [*hostile_uploads["images"], hostile_uploads["gif"]]:
        response = page.goto(base + url)
        assert response.status == 200 and response.headers["content-type"].startswith("image/")
        # Shown as a picture: the browser's image viewer, not a page.
        expect(page.locator("img")).to_have_count(1)
    for url in hostile_uploads["not served"]:
        assert page.goto(base + url).status == 404
    for url in hostile_uploads["opened"]:
        response = page.goto(base + url)
        assert response.headers["content-type"] == "application/pdf"
    for url in hostile_uploads["downloaded"]:
        with (
            page.expect_download() as download,
            pytest.raises(PlaywrightError, match="Download is starting"),
        ):
            page.goto(base + url)
        assert download.value.suggested_filename.endswith((".txt", ".csv"))

    assert ran == []
    assert "ran_script" not in {cookie["name"] for cookie in context.cookies()}

    # A real PDF still opens in the browser's viewer, every page of it.
    with page.expect_event(
        "framenavigated", predicate=lambda frame: frame.url.startswith("chrome-extension://")
    ) as pdf_viewer:
        page.goto(base + hostile_uploads["plain pdf"])
    viewer = pdf_viewer.value
    expect(viewer.locator("div#toolbar")).to_contain_text(re.compile(r"/\s*1\b"))

    context.close()
    violations.assert_none()
