"""The partner pages' place in the page tree."""

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import HomePage, StandardPage
from partners.models import PartnerIndexPage, PartnerPage


class PartnerPageTreeTests(WagtailPageTestCase):
    def test_directory_sits_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, PartnerIndexPage)
        self.assertCanNotCreateAt(StandardPage, PartnerIndexPage)

    def test_directory_holds_only_partner_pages(self):
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertCanCreateAt(PartnerIndexPage, PartnerPage)

    def test_partner_pages_live_only_in_the_directory_and_have_no_children(self):
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerPage, set())
        self.assertCanNotCreateAt(HomePage, PartnerPage)
        self.assertCanNotCreateAt(StandardPage, PartnerPage)

    def test_there_is_only_one_directory(self):
        home = HomePage.objects.get()
        self.assertTrue(PartnerIndexPage.can_create_at(home))
        home.add_child(instance=PartnerIndexPage(title="Our partners", slug="partners"))
        self.assertFalse(PartnerIndexPage.can_create_at(home))


class PartnerPagePreviewTests(WagtailPageTestCase):
    """Editors can preview both page types before publishing."""

    def test_directory_and_profile_render_and_preview(self):
        home = HomePage.objects.get()
        index = PartnerIndexPage(title="Our partners", slug="partners")
        home.add_child(instance=index)
        partner = PartnerPage(title="Castlebrook Council", summary="The local council.")
        index.add_child(instance=partner)
        self.assertPageIsRenderable(index)
        self.assertPageIsPreviewable(index)
        self.assertPageIsRenderable(partner)
        self.assertPageIsPreviewable(
            partner,
            post_data=nested_form_data(
                {
                    "title": "Castlebrook Council",
                    "slug": "castlebrook-council",
                    "summary": "The local council.",
                    "kind": "council",
                    "commitment": rich_text("<p>They share power.</p>"),
                    "body": streamfield([("heading", {"text": "Our work", "level": "h2"})]),
                }
            ),
        )
