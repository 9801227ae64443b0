"""Dated sessions in plain words, and sessions made from a pattern.

Plain Python over plain values, like ``opportunities.payment`` which reads
the sessions' dates and hours (``SessionTime``) for the pay figures.

The rules
---------
*Hours of a session*: from its start to its end time when both are given
(an end before the start is read as past midnight); otherwise the page's
"hours per session", or unknown.

*A pattern*: a first date, how often (weekly, every two weeks, monthly) and
how many. Monthly keeps the same weekday of the month (the second Tuesday,
say), because groups meet on a weekday, not on a date; when a month has no
fifth Tuesday the last Tuesday is used.

*Plain words*: "Tuesday 12 January, 10am to 12:30pm — 2½ hours". The year is
added for a date in another year than today's.
"""

import calendar
from datetime import date, time, timedelta
from decimal import Decimal

from opportunities import payment

PATTERN_CHOICES = [
    (payment.WEEKLY, "every week"),
    (payment.FORTNIGHTLY, "every two weeks"),
    (payment.MONTHLY, "every month, on the same weekday"),
]
MOST_SESSIONS_FROM_A_PATTERN = 52

FRACTIONS = {Decimal("0.25"): "¼", Decimal("0.5"): "½", Decimal("0.75"): "¾"}


def hours_between(starts: time | None, ends: time | None) -> Decimal | None:
    """Hours from ``starts`` to ``ends`` (past midnight when ``ends`` is earlier)."""
    if starts is None or ends is None:
        return None
    minutes = (ends.hour * 60 + ends.minute) - (starts.hour * 60 + starts.minute)
    if minutes <= 0:
        minutes += 24 * 60
    return (Decimal(minutes) / 60).quantize(Decimal("0.01"))


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` (1-5) ``weekday`` of a month, or its last one when there are fewer."""
    days = [
        day
        for day in calendar.Calendar().itermonthdates(year, month)
        if day.month == month and day.weekday() == weekday
    ]
    return days[min(nth, len(days)) - 1]


def dates_from_pattern(first: date, how_often: str, count: int) -> list[date]:
    """``count`` dates from ``first``, weekly, fortnightly or monthly (see above)."""
    count = max(0, min(count, MOST_SESSIONS_FROM_A_PATTERN))
    if how_often in (payment.WEEKLY, payment.FORTNIGHTLY):
        step = timedelta(weeks=1 if how_often == payment.WEEKLY else 2)
        return [first + step * index for index in range(count)]
    if how_often == payment.MONTHLY:
        nth = (first.day - 1) // 7 + 1
        dates = []
        for index in range(count):
            year, month = divmod(first.month - 1 + index, 12)
            dates.append(nth_weekday(first.year + year, month + 1, first.weekday(), nth))
        return dates
    return [first][:count]


def format_time(value: time) -> str:
    """10am, 12:30pm, 12 noon."""
    if value.hour == 12 and value.minute == 0:
        return "12 noon"
    hour = value.hour % 12 or 12
    suffix = "am" if value.hour < 12 else "pm"
    return f"{hour}{suffix}" if value.minute == 0 else f"{hour}:{value.minute:02d}{suffix}"


def format_duration(hours: Decimal | None) -> str:
    """2½ hours, 1 hour, 45 minutes, 1 hour 10 minutes; '' when unknown."""
    if hours is None:
        return ""
    hours = Decimal(hours)
    whole = int(hours)
    rest = (hours - whole).quantize(Decimal("0.01"))
    if whole == 0:
        return f"{round(hours * 60)} minutes"
    if rest == 0:
        return "1 hour" if whole == 1 else f"{whole} hours"
    if rest in FRACTIONS:
        return f"{whole}{FRACTIONS[rest]} hours"
    minutes = round(rest * 60)
    return f"{whole} hour{'s' if whole > 1 else ''} {minutes} minutes"


def format_day(day: date, today: date | None = None) -> str:
    """Tuesday 12 January (with the year when it is not this year's)."""
    today = today or date.today()
    words = f"{day:%A} {day.day} {day:%B}"
    return words if day.year == today.year else f"{words} {day.year}"


def describe_session(
    day: date,
    starts: time | None,
    ends: time | None,
    hours: Decimal | None = None,
    today: date | None = None,
    with_length: bool = True,
) -> str:
    """One session in plain words: 'Tuesday 12 January, 10am to 12:30pm — 2½ hours'."""
    words = format_day(day, today)
    if starts and ends:
        words += f", {format_time(starts)} to {format_time(ends)}"
        hours = hours_between(starts, ends)
    elif starts:
        words += f", from {format_time(starts)}"
    else:
        words += ", time to be confirmed"
    duration = format_duration(hours) if with_length else ""
    return f"{words} — {duration}" if duration else words
