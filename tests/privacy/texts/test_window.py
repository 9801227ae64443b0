"""No texts between 9pm and 8am, UK time, summer or winter."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from config.settings import text_messages
from privacy.texts.window import in_sending_window, window_opens_after

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(autouse=True)
def the_sites_window(settings):
    """The site's own window (the test settings open it all day)."""
    settings.TEXT_WINDOW_OPENS = text_messages.TEXT_WINDOW_OPENS
    settings.TEXT_WINDOW_CLOSES = text_messages.TEXT_WINDOW_CLOSES


def at(day, hour, minute=0):
    return datetime(2026, *day, hour, minute, tzinfo=LONDON)


@pytest.mark.parametrize("day", [(1, 15), (7, 15)], ids=["winter", "summer"])
def test_the_window_is_8am_to_9pm_uk_time(day):
    assert not in_sending_window(at(day, 7, 59))
    assert in_sending_window(at(day, 8, 0))
    assert in_sending_window(at(day, 20, 59))
    assert not in_sending_window(at(day, 21, 0))
    assert not in_sending_window(at(day, 23, 30))


def test_the_window_opens_at_8am_the_same_morning_or_the_next():
    assert window_opens_after(at((7, 15), 3, 10)) == at((7, 15), 8)
    assert window_opens_after(at((7, 15), 21, 5)) == at((7, 16), 8)
    assert window_opens_after(at((12, 31), 22)) == at((1, 1), 8).replace(year=2027)
    in_window = at((7, 15), 12)
    assert window_opens_after(in_window) == in_window
