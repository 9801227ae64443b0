"""Dated sessions from the fields opportunities had before them.

Where the old fields say exactly which days: a one-off on its first date (or
on consecutive days, when the number of sessions is the number of days from
first to last); weekly, fortnightly or monthly from the first date for the
number of sessions. Flexible ones, and those without a first date, keep
their old fields ("dates to be agreed"). The old fields never gave times, so
the sessions have none: their length stays the page's "hours per session".
The stored pay figures are worked out again from the sessions.
"""

from datetime import timedelta

from django.db import migrations

from opportunities import payment
from opportunities.payment import SessionTime
from opportunities.sessions import dates_from_pattern

PATTERNS = (payment.WEEKLY, payment.FORTNIGHTLY, payment.MONTHLY)


def dates_from_old_fields(start_date, end_date, number_of_sessions, frequency):
    """The session dates the old fields pin down, or [] when they do not."""
    if start_date is None:
        return []
    if frequency in PATTERNS and number_of_sessions:
        return dates_from_pattern(start_date, frequency, number_of_sessions)
    if frequency != payment.ONE_OFF:
        return []
    if (number_of_sessions or 1) == 1 and (end_date is None or end_date == start_date):
        return [start_date]
    if end_date and number_of_sessions == (end_date - start_date).days + 1:
        return [start_date + timedelta(days=day) for day in range(number_of_sessions)]
    return []


def move_into_sessions(apps, schema_editor):
    OpportunityPage = apps.get_model("opportunities", "OpportunityPage")
    OpportunitySession = apps.get_model("opportunities", "OpportunitySession")
    for page in OpportunityPage.objects.filter(sessions__isnull=True).iterator():
        dates = dates_from_old_fields(
            page.start_date, page.end_date, page.number_of_sessions, page.frequency
        )
        if not dates:
            continue
        OpportunitySession.objects.bulk_create(
            OpportunitySession(page_id=page.pk, date=day, sort_order=order)
            for order, day in enumerate(dates)
        )
        page.start_date = dates[0]
        page.end_date = dates[-1] if dates[-1] != dates[0] else None
        page.number_of_sessions = len(dates)
        figures = payment.work_out_pay(
            payment.PayTerms(
                amount=page.pay_amount,
                unit=page.pay_unit,
                hours_per_session=page.hours_per_session,
                number_of_sessions=page.number_of_sessions,
                frequency=page.frequency,
                sessions=tuple(SessionTime(day, page.hours_per_session) for day in dates),
            )
        )
        page.hourly_pay_pence = figures.hourly_pence
        page.weekly_hours = figures.weekly_hours
        page.save(
            update_fields=[
                "start_date",
                "end_date",
                "number_of_sessions",
                "hourly_pay_pence",
                "weekly_hours",
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("opportunities", "0009_dated_sessions"),
    ]

    operations = [
        migrations.RunPython(move_into_sessions, migrations.RunPython.noop),
    ]
