"""When the public pages change with nobody publishing: an opportunity closes,
or enters its "closing soon" days. The page cache (``home.page_cache``) keeps
no page past the next such moment.
"""

from datetime import datetime, timedelta

from django.db.models import Min
from django.utils import timezone

from opportunities.choices import CLOSING_SOON_DAYS
from opportunities.models.opportunity import OpportunityPage

CLOSING_SOON = timedelta(days=CLOSING_SOON_DAYS)


def next_change() -> datetime | None:
    """The next closing time, or the next start of a "closing soon" window, of a live opportunity."""
    now = timezone.now()
    published = OpportunityPage.objects.published()
    next_closing = published.open(now).aggregate(at=Min("closes_at"))["at"]
    next_closing_soon = published.open(now + CLOSING_SOON).aggregate(at=Min("closes_at"))["at"]
    moments = [next_closing]
    if next_closing_soon is not None:
        moments.append(next_closing_soon - CLOSING_SOON)
    return min((moment for moment in moments if moment is not None), default=None)


def models_shown_publicly() -> list[type]:
    from opportunities.models.benefits import BenefitRule

    return [BenefitRule]
