"""The page tree rules, proven with Wagtail's own test helpers."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from ladder.models import LadderPage
from opportunities.models import OpportunityIndexPage
from partners.models import PartnerIndexPage


class PageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_children(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, PartnerIndexPage, OpportunityIndexPage, LadderPage}
        )

    def test_standard_page_parents_and_children(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_standard_pages_can_be_created_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_only_one_home_page_per_parent(self):
        home = HomePage.objects.get()
        self.assertFalse(HomePage.can_create_at(home.get_parent()))
        self.assertCanNotCreateAt(StandardPage, HomePage)
