"""Opportunities test helpers: a board under the home page and pages on it."""

import pytest
from django.urls import reverse

from home.models import AccessSupport, Area, Topic
from ladder.models import Rung
from opportunities.models import OpportunityIndexPage, OpportunityPage
from partners.models import PartnerIndexPage, PartnerPage
from tests.opportunities.factories import OpportunityIndexPageFactory, OpportunityPageFactory


def make_board(home_page):
    return OpportunityIndexPage.objects.first() or OpportunityIndexPageFactory(parent=home_page)


def make_opportunity(board, topics=(), access_support=(), publish=True, **fields):
    """An opportunity on ``board`` (see OpportunityPageFactory), published unless
    ``publish=False`` leaves it a draft."""
    page = OpportunityPageFactory(
        parent=board,
        live=publish,
        topics=list(topics),
        access_support=list(access_support),
        **fields,
    )
    page.refresh_from_db()
    return page


def copy_in_admin(client, page, title, slug, parent):
    """Copy ``page`` under ``parent`` through the admin's copy form; the copy."""
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=(page.pk,)),
        {"new_title": title, "new_slug": slug, "new_parent_page": parent.pk},
    )
    assert response.status_code == 302
    return OpportunityPage.objects.get(slug=slug)


@pytest.fixture
def board(home_page):
    return make_board(home_page)


@pytest.fixture
def partner(home_page):
    """A published partner, Castlebrook Council, in a published directory."""
    index = PartnerIndexPage(title="Partners", slug="partners")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    partner = PartnerPage(title="Castlebrook Council", slug="castlebrook", summary="A council.")
    index.add_child(instance=partner)
    partner.save_revision().publish()
    return partner


@pytest.fixture
def taxonomy(db):
    return {
        "topic": Topic.objects.create(name="Housing and homelessness"),
        "area": Area.objects.create(name="Greater Manchester"),
        "bsl": AccessSupport.objects.create(name="BSL interpreter"),
        "step_free": AccessSupport.objects.create(name="Step-free venue"),
        "rung": Rung.objects.create(
            level=1, name="Consulted", short_description="Asked.", band="tokenism"
        ),
    }
