"""The board and its opportunities, built with wagtail-factories."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from opportunities.models import OpportunityIndexPage, OpportunityPage
from tests.home.factories import PublishedPageFactory


class OpportunityIndexPageFactory(PublishedPageFactory):
    title = "Paid opportunities"
    slug = "opportunities"

    class Meta:
        model = OpportunityIndexPage


class OpportunityPageFactory(PublishedPageFactory):
    """Paid £15 an hour, 2 hours, one session, closing in 30 days."""

    title = factory.Sequence(lambda n: f"Opportunity {n}")
    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    summary = "Help us improve a service."
    lived_experience_sought = "People who have used the service."
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    pay_amount = Decimal("15.00")
    pay_unit = "hour"
    hours_per_session = Decimal("2")
    number_of_sessions = 1

    class Meta:
        model = OpportunityPage
