"""What outlives the retention period: each partner's figures per period.

Just before the purge (``privacy.retention``'s ``before_personal_data_purge``
hook), every partner's record for each quarter and year that holds a person
about to be purged is kept as it was (``KeptPartnerFigures``), with every
cell from fewer than 5 people already withheld. From then on the reports show
the kept figures for that period, so later purges of the same period change
nothing. The payments and answers themselves go with their expression of
interest (``payments.privacy``).
"""

from django.utils import timezone

from payments.definitions import clock_starts
from payments.kept_records import record_to_json
from payments.models.figures import KeptPartnerFigures
from payments.partner_record import PERIODS, build_records, period_of
from payments.privacy import feedback_past_retention, payments_past_retention
from payments.records import load_rows


def keep_figures_before_purge(clock):
    """Keep the records of every period with someone about to be purged."""
    leaving = set(payments_past_retention(clock).values_list("interest_id", flat=True))
    leaving |= set(feedback_past_retention(clock).values_list("interest_id", flat=True))
    if not leaving:
        return 0
    payments, answers, opportunities = load_rows()
    today = timezone.localdate()  # as the reports show it today
    kept = 0
    for kind in PERIODS:
        affected = {
            (row.partner.pk, period_of(clock_starts(row.facts), kind))
            for row in payments
            if row.person in leaving and clock_starts(row.facts) is not None
        } | {
            (row.partner.pk, period_of(row.asked_on, kind))
            for row in answers
            if row.person in leaving
        }
        for record in build_records(payments, answers, opportunities, kind, today):
            key = (record.partner.pk, record.period)
            if key not in affected:
                continue
            _, made = KeptPartnerFigures.objects.get_or_create(
                partner=record.partner,
                kind=kind,
                period=record.period,
                defaults={"figures": record_to_json(record)},
            )
            kept += made
    return kept
