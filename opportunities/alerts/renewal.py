"""Before confirmed alerts lapse (12 months after confirming or renewing),
their person is asked once whether to keep them; renewing from their private
page starts another 12 months. Run with the weekly digest."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from home.models import SiteSettings
from opportunities.alerts.messages import send_renewal_reminder
from opportunities.models.alert_messages import AlertMessages
from opportunities.models.alerts import LAPSES_AFTER, SearchAlert

RENEWAL_NOTICE = timedelta(days=14)


def send_renewal_reminders(now=None):
    """Ask everyone whose alerts lapse within two weeks, once; returns how many."""
    now = now or timezone.now()
    site_settings, wording = SiteSettings.load(), AlertMessages.load()
    asked = 0
    for alert in SearchAlert.objects.lapsing(now, RENEWAL_NOTICE).order_by("pk"):
        with transaction.atomic():
            claimed = SearchAlert.objects.filter(
                pk=alert.pk, renewal_reminded_at__isnull=True
            ).update(renewal_reminded_at=now)
            if claimed:
                lapses = (alert.renewed_at or alert.confirmed_at) + LAPSES_AFTER
                send_renewal_reminder(alert, lapses, site_settings, wording)
                asked += 1
    return asked
