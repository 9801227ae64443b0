"""Partner pages, built with wagtail-factories."""

import factory

from partners.models import PartnerIndexPage, PartnerKind, PartnerPage
from tests.home.factories import PublishedPageFactory


class PartnerIndexPageFactory(PublishedPageFactory):
    title = "Our partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(PublishedPageFactory):
    title = factory.Sequence(lambda n: f"Partner {n}")
    # Left empty, Wagtail makes the slug from the title (as the editor does),
    # numbering it if a sibling already has it.
    slug = ""
    kind = PartnerKind.CHARITY
    summary = factory.LazyAttribute(
        lambda page: f"{page.title} works with people with lived experience."
    )

    class Meta:
        model = PartnerPage
