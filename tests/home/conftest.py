"""A small public site for the page-cache tests."""

import pytest

from tests.opportunities.conftest import make_board, make_opportunity
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory


@pytest.fixture
def public_site(home_page, page_cache):
    """A board with an opportunity run by a partner, the partner's profile, the cache on."""
    partners = PartnerIndexPageFactory(parent=home_page)
    partner = PartnerPageFactory(parent=partners, title="Riverside Housing")
    board = make_board(home_page)
    opportunity = make_opportunity(board, title="Tenant panel member", partner=partner)
    return {"board": board, "partner": partner, "opportunity": opportunity}
