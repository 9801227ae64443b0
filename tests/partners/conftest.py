"""Partners test helpers: a directory page, taxonomies and partner pages."""

import pytest

from home.demo_images import demo_image
from home.models import Area, Sector
from partners.models import PartnerIndexPage, PartnerKind, PartnerPage


def make_partner(index, title, *, kind=PartnerKind.CHARITY, sector=None, areas=(), **fields):
    """A published PartnerPage under ``index``."""
    fields.setdefault("summary", f"{title} works with people with lived experience.")
    partner = PartnerPage(title=title, kind=kind, sector=sector, **fields)
    partner.areas = list(areas)
    index.add_child(instance=partner)
    partner.save_revision().publish()
    return partner


def make_logo(title, colour="#2b4a7a"):
    return demo_image(title, colour, size=(120, 80), initials="AB")


@pytest.fixture
def partner_index(home_page):
    index = PartnerIndexPage(
        title="Our partners", slug="partners", introduction="Who we work with."
    )
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def sectors(db):
    return {
        slug: Sector.objects.create(name=name, slug=slug)
        for slug, name in [
            ("health", "Health and care"),
            ("housing", "Housing"),
            ("research", "Research"),
        ]
    }


@pytest.fixture
def areas(db):
    return {
        slug: Area.objects.create(name=name, slug=slug)
        for slug, name in [
            ("manchester", "Greater Manchester"),
            ("merseyside", "Merseyside"),
            ("london", "London"),
        ]
    }
