"""Every page type renders and previews (the revision
the editor is working on), using the demo site's own pages.

Page types are discovered, so a new page type is covered (and must appear in
the demo content) without touching this test.
"""

import pytest
from django.test import TransactionTestCase
from django.urls import reverse
from wagtail.coreutils import get_dummy_request
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase, WagtailTestUtils


@pytest.mark.usefixtures("demo_site")
class EveryPageTypeTests(WagtailTestUtils, TransactionTestCase):
    """Transactional, so each test starts from the saved demo site (copied in
    before the test, which a TestCase's class-wide transaction would wrap)."""

    # WagtailPageTestCase's own check; it needs only a client and a dummy request.
    assertPageIsRenderable = WagtailPageTestCase.assertPageIsRenderable

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dummy_request = get_dummy_request()

    def page_types(self):
        return [model for model in get_page_models() if model is not Page]

    def test_demo_content_has_a_page_of_every_type(self):
        missing = [m.__name__ for m in self.page_types() if not m.objects.live().exists()]
        self.assertEqual(missing, [])

    def test_every_page_type_renders_and_previews(self):
        editor = self.create_superuser("preview-editor")
        self.client.force_login(editor)
        for model in self.page_types():
            page = model.objects.live().first()
            with self.subTest(page_type=model.__name__):
                self.assertPageIsRenderable(page)
                # "Preview" in the editor renders the page's latest revision
                # through serve_preview, as "View draft" does.
                page.save_revision(user=editor)
                response = self.client.get(
                    reverse("wagtailadmin_pages:view_draft", args=(page.pk,))
                )
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, page.title)
