"""Texts go out in a task after the transaction commits, with retries.

``queue_text`` saves a ``TextMessage`` and, once the transaction commits,
queues ``send_text`` with only the record's id (so the task queue holds no
number or words). The task claims the record, keeps to the sending window
and hands the text to the backend:

- sent: the record says so, with the provider's id, and the body is erased;
- refused by the provider (``TextRefused``): failed at once, body erased;
- any other failure: the error is written on the record and the task is
  queued again after ``TEXT_MESSAGE_RETRY_SECONDS`` (doubling each time),
  until ``TEXT_MESSAGE_ATTEMPTS`` attempts have been made; then failed.

django-tasks has no retries of its own, so the record is the memory: the
``send_due_texts`` command (run by cron every few minutes) queues again any
text whose time has come but whose task was lost (a queue that was down, a
worker that died, a task backend that cannot run work later).
"""

import logging
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from privacy.texts.backends import OutgoingText, TextRefused, get_text_backend
from privacy.texts.models import TextMessage
from privacy.texts.numbers import uk_mobile
from privacy.texts.window import window_opens_after

logger = logging.getLogger(__name__)

# A text claimed for sending longer ago than this was lost with its worker.
LOST_AFTER = timedelta(minutes=15)
# A text still queued this long after it was recorded lost its task.
QUEUED_GRACE = timedelta(minutes=5)


def queue_text(to, body, kind, any_hour=False):
    """Record a text of ``kind`` to ``to`` and send it after the transaction
    commits. ``any_hour``: the person asked for it, so the sending window does
    not hold it back. Returns the record, or ``None`` when ``to`` is not a UK
    mobile number (nothing is recorded then)."""
    number = uk_mobile(to)
    if not number:
        return None
    record = TextMessage.objects.create(kind=kind, to=number, body=body, any_hour=any_hour)
    transaction.on_commit(partial(enqueue_text, record.pk), robust=True)
    return record


def enqueue_text(pk, run_after=None):
    """Queue ``send_text`` for the record ``pk``, at ``run_after`` if given.

    A task backend that cannot run work later (the immediate one of
    development and tests) runs it now if its time has come, and otherwise
    leaves it to ``send_due_texts``.
    """
    backend = send_text.get_backend()
    if run_after is None or run_after <= timezone.now():
        send_text.enqueue(pk)
    elif backend.supports_defer:
        send_text.using(run_after=run_after).enqueue(pk)


def _redacted(error, number):
    """The error in a line, without the number (a provider may quote it back)."""
    national = "0" + number[3:] if number.startswith("+44") else number
    message = f"{type(error).__name__}: {error}"
    for form in (number, number.lstrip("+"), national):
        message = message.replace(form, "[number]")
    return " ".join(message.split())[:300]


def _claim(pk, now):
    """Mark the record as being sent, if it is due and nobody else has it."""
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
    claimed = TextMessage.objects.filter(due, pk=pk, status__in=TextMessage.DUE_STATUSES).update(
        status=TextMessage.Status.SENDING, next_attempt_at=now
    )
    return TextMessage.objects.get(pk=pk) if claimed else None


@task()
def send_text(pk):
    """Make one attempt at sending the text message record ``pk`` (see the module)."""
    now = timezone.now()
    record = _claim(pk, now)
    if record is None:
        return
    opens = window_opens_after(now)
    if not record.any_hour and opens > now:
        record.status = TextMessage.Status.WAITING
        record.next_attempt_at = opens
        record.save(update_fields=["status", "next_attempt_at"])
        enqueue_text(record.pk, opens)
        return
    record.attempts += 1
    try:
        provider_id = get_text_backend().send(
            OutgoingText(to=record.to, body=record.body, reference=f"text-{record.pk}")
        )
    except TextRefused as error:
        record.status = TextMessage.Status.FAILED
        record.last_error = _redacted(error, record.to)
        record.body = ""
    except Exception as error:  # noqa: BLE001 (any provider failure is retried)
        record.last_error = _redacted(error, record.to)
        if record.attempts >= settings.TEXT_MESSAGE_ATTEMPTS:
            record.status = TextMessage.Status.FAILED
            record.body = ""
        else:
            delay = settings.TEXT_MESSAGE_RETRY_SECONDS * 2 ** (record.attempts - 1)
            record.status = TextMessage.Status.RETRYING
            record.next_attempt_at = timezone.now() + timedelta(seconds=delay)
        logger.warning("Text message %s: attempt %s failed", record.pk, record.attempts)
    else:
        record.status = TextMessage.Status.SENT
        record.provider_id = provider_id[:100]
        record.sent_at = timezone.now()
        record.body = ""
    record.save()
    if record.status == TextMessage.Status.RETRYING:
        enqueue_text(record.pk, record.next_attempt_at)


def send_due_texts(now=None):
    """Queue every text whose time has come and that no task is sending;
    returns how many. Safe to run often and in several places at once: a
    record is claimed by one attempt only."""
    now = now or timezone.now()
    TextMessage.objects.filter(
        status=TextMessage.Status.SENDING, next_attempt_at__lt=now - LOST_AFTER
    ).update(status=TextMessage.Status.RETRYING)
    lost_in_queue = Q(status=TextMessage.Status.QUEUED, created_at__lte=now - QUEUED_GRACE)
    waited = Q(
        status__in=[TextMessage.Status.WAITING, TextMessage.Status.RETRYING],
        next_attempt_at__lte=now,
    )
    due = TextMessage.objects.filter(lost_in_queue | waited).values_list("pk", flat=True)
    pks = list(due)
    for pk in pks:
        enqueue_text(pk)
    return len(pks)
