"""The date by which we promise people a reply: a set number of working days
(Site settings) after they expressed interest."""

from datetime import timedelta

from django.utils import timezone


def add_working_days(start, days):
    """The date ``days`` working days (Monday to Friday) after ``start``."""
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def reply_by(site_settings, when=None):
    when = when or timezone.localdate()
    return add_working_days(when, site_settings.reply_time_working_days)
