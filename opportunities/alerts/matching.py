"""Which opportunities each alert's person hears about, and when.

Matching runs in a task after an opportunity is published (an editor's
publish and Wagtail's scheduled publishing both send ``page_published``),
never at page render: each alert's own board filters and keywords
(``OpportunityListing``, the same code as the board) run over that page
alone. Each person (one contact detail) gets one message per run however
many of their alerts match, and never hears of the same opportunity twice
(``AlertSent``).

The weekly digest (``send_alert_digests``) gathers, for each person with a
weekly alert, what was published in the last week and not yet sent. Two
runs at once take turns on a locked row, and each person is claimed for the
week before their message goes, so nobody gets two digests.
"""

from collections import defaultdict
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.http import QueryDict
from django.utils import timezone
from django_tasks import task
from wagtail.models import Page

from home.models import SiteSettings
from opportunities.alerts.messages import send_alert
from opportunities.board.listing import OpportunityListing
from opportunities.choices import AlertFrequency
from opportunities.models.alert_messages import AlertMessages
from opportunities.models.alerts import AlertRunLock, AlertSent, SearchAlert

DIGEST_LOCK = "weekly-digest"


class AlertListing(OpportunityListing):
    """The board's listing for an alert's filters, over the given pages only."""

    def __init__(self, alert, page_ids):
        self.page_ids = page_ids
        super().__init__(alert.board, QueryDict(alert.query))

    def base_queryset(self):
        return super().base_queryset().filter(pk__in=self.page_ids)


def matching_ids(alert, page_ids):
    """Those of ``page_ids`` this alert matches: open, visible, and found by
    its filters and keywords."""
    return set(AlertListing(alert, page_ids).filtered().values_list("pk", flat=True))


def already_told(alerts):
    """The opportunities any of these alerts (one person's) was sent."""
    return set(AlertSent.objects.filter(alert__in=alerts).values_list("opportunity_id", flat=True))


def tell(person_alerts, page_ids, site_settings, wording):
    """Send one person the pages their alerts match and they have not heard
    of; returns whether a message went."""
    told = already_told(person_alerts)
    new = {}
    for alert in person_alerts:
        for pk in matching_ids(alert, page_ids) - told:
            new.setdefault(pk, alert)
    if not new:
        return False
    AlertSent.objects.bulk_create(
        [AlertSent(alert=alert, opportunity_id=pk) for pk, alert in new.items()]
    )
    pages = person_alerts[0].board.opportunities().filter(pk__in=new).order_by("closes_at")
    send_alert(person_alerts[0], list(pages), site_settings, wording)
    return True


def by_person(alerts):
    people = defaultdict(list)
    for alert in alerts:
        people[alert.contact_key].append(alert)
    return people


@task()
def match_published(page_id):
    """Alert everyone whose immediate alerts match the page just published."""
    alerts = (
        SearchAlert.objects.active()
        .filter(frequency=AlertFrequency.IMMEDIATE, board_id__in=_parents_of(page_id))
        .select_related("board")
        .order_by("pk")
    )
    site_settings, wording = SiteSettings.load(), AlertMessages.load()
    told = 0
    for person_alerts in by_person(alerts).values():
        with transaction.atomic():
            told += tell(person_alerts, [page_id], site_settings, wording)
    return told


def _parents_of(page_id):
    page = Page.objects.filter(pk=page_id).first()
    parent = page.get_parent() if page else None
    return [parent.pk] if parent else []


def queue_matching(sender, instance, **kwargs):
    """page_published receiver (connected for the opportunity page only)."""
    transaction.on_commit(lambda: match_published.enqueue(instance.pk), robust=True)


def week_start(today):
    return today - timedelta(days=today.weekday())


def _take_lock():
    """Wait for, then hold until the transaction ends, the digest's lock row."""
    try:
        with transaction.atomic():
            AlertRunLock.objects.get_or_create(name=DIGEST_LOCK)
    except IntegrityError:
        pass  # the other run made it first
    AlertRunLock.objects.select_for_update().get(name=DIGEST_LOCK)


def send_alert_digests(now=None):
    """Send this week's digest to everyone with a weekly alert, once; returns
    how many people were sent one."""
    now = now or timezone.now()
    this_week = week_start(timezone.localdate(now))
    site_settings, wording = SiteSettings.load(), AlertMessages.load()
    sent = 0
    with transaction.atomic():
        _take_lock()
        alerts = (
            SearchAlert.objects.active(now)
            .filter(frequency=AlertFrequency.WEEKLY)
            .select_related("board")
            .order_by("pk")
        )
        for person_alerts in by_person(alerts).values():
            claimed = (
                SearchAlert.objects.filter(pk__in=[alert.pk for alert in person_alerts])
                .exclude(digest_week=this_week)
                .update(digest_week=this_week)
            )
            if not claimed:
                continue  # another run sent this week's
            boards = {alert.board for alert in person_alerts}
            recent = [
                pk
                for board in boards
                for pk in board.opportunities()
                .filter(first_published_at__gt=now - timedelta(days=7))
                .values_list("pk", flat=True)
            ]
            sent += tell(person_alerts, recent, site_settings, wording)
    return sent
