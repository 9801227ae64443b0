"""Partners test helpers: a directory page, taxonomies and partner pages."""

import pytest

from home.demo_images import demo_image
from home.models import Area, Sector
from partners.models import PartnerKind
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory


def make_partner(index, title, *, kind=PartnerKind.CHARITY, sector=None, areas=(), **fields):
    """A published PartnerPage under ``index``."""
    return PartnerPageFactory(
        parent=index, title=title, kind=kind, sector=sector, areas=list(areas), **fields
    )


def make_logo(title, colour="#2b4a7a", size=(120, 80)):
    return demo_image(title, colour, size=size, initials="AB")


@pytest.fixture
def partner_index(home_page):
    return PartnerIndexPageFactory(parent=home_page, introduction="Who we work with.")


def make_sectors():
    return {
        slug: Sector.objects.create(name=name, slug=slug)
        for slug, name in [
            ("health", "Health and care"),
            ("housing", "Housing"),
            ("research", "Research"),
        ]
    }


def make_areas():
    return {
        slug: Area.objects.create(name=name, slug=slug)
        for slug, name in [
            ("manchester", "Greater Manchester"),
            ("merseyside", "Merseyside"),
            ("london", "London"),
        ]
    }


@pytest.fixture
def sectors(db):
    return make_sectors()


@pytest.fixture
def areas(db):
    return make_areas()
