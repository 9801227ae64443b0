"""The sending window: no texts between 9pm and 8am (the site's time zone),
unless the person asked for this one (a link they requested just now).

``TEXT_WINDOW_OPENS`` and ``TEXT_WINDOW_CLOSES`` are whole hours, 0 to 24.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone


def in_sending_window(moment: datetime) -> bool:
    hour = timezone.localtime(moment).hour
    return settings.TEXT_WINDOW_OPENS <= hour < settings.TEXT_WINDOW_CLOSES


def window_opens_after(moment: datetime) -> datetime:
    """The next moment texts may go, from ``moment`` (``moment`` itself if in the window)."""
    if in_sending_window(moment):
        return moment
    local = timezone.localtime(moment)
    opens_today = local.hour < settings.TEXT_WINDOW_OPENS
    day = local.date() if opens_today else local.date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(day, time(settings.TEXT_WINDOW_OPENS)))
