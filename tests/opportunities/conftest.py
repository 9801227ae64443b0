"""Small factories for opportunities: a board under the home page and pages on it."""

import itertools
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from opportunities.models import OpportunityIndexPage, OpportunityPage

_numbers = itertools.count(1)


def make_board(home_page):
    board = OpportunityIndexPage.objects.first()
    if board:
        return board
    board = OpportunityIndexPage(title="Paid opportunities", slug="opportunities")
    home_page.add_child(instance=board)
    board.save_revision().publish()
    return board


def make_opportunity(board, topics=(), access_support=(), publish=True, **fields):
    """A published opportunity on ``board``: paid £15 an hour, 2 hours, closing in 30 days."""
    number = next(_numbers)
    values = {
        "title": f"Opportunity {number}",
        "slug": f"opportunity-{number}",
        "summary": "Help us improve a service.",
        "lived_experience_sought": "People who have used the service.",
        "closes_at": timezone.now() + timedelta(days=30),
        "pay_amount": Decimal("15.00"),
        "pay_unit": "hour",
        "hours_per_session": Decimal("2"),
        "number_of_sessions": 1,
        **fields,
    }
    page = OpportunityPage(live=publish, **values)
    board.add_child(instance=page)
    if topics:
        page.topics.set(topics)
    if access_support:
        page.access_support.set(access_support)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def board(home_page):
    return make_board(home_page)
