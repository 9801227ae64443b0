"""Email goes through the task queue, after the database transaction commits.

So a slow or broken mail server never loses a submission: the record is
saved first, and the email is a separate piece of work that can fail and
be retried (the database task backend keeps failures visible).
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def send_email(subject, body, to, reply_to=None):
    """Send one plain-text email. Arguments are plain strings (tasks are serialised)."""
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to or []),
    )
    message.send(fail_silently=False)


def send_email_after_commit(subject, body, to, reply_to=None):
    """Queue an email once the current transaction commits.

    ``robust=True``: if queueing (or, with the immediate backend, sending)
    fails, the error is logged and the person's request still succeeds.
    Recipients are never logged.
    """
    if not to:
        return
    transaction.on_commit(
        partial(send_email.enqueue, subject, body, list(to), list(reply_to or [])),
        robust=True,
    )
