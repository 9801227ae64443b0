"""Every page type renders and previews (the revision
the editor is working on), using the demo site's own pages.

Page types are discovered, so a new page type is covered (and must appear in
the demo content) without touching this test.
"""

from io import StringIO

from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail.test.utils import WagtailPageTestCase


class EveryPageTypeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        with override_settings(DEBUG=False):
            call_command("load_demo_content", "--no-admin", stdout=StringIO())

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
