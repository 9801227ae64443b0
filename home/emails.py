"""Email goes through the task queue, after the database transaction commits.

So a slow or broken mail server never loses a submission: the record is
saved first, and the email is a separate piece of work that can fail and
be retried (the database task backend keeps failures visible).

Every email's words come from a template, ``templates/emails/<app>/<name>/``
``subject.txt`` and ``body.txt`` (rendered as plain text: nothing is
HTML-escaped), or from wording editors change in the settings, filled in
through ``home.placeholders``.
"""

import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django_tasks import task

logger = logging.getLogger(__name__)

# The template engine for emails (config/settings/base.py: TEMPLATES).
EMAIL_TEMPLATES = "emails"


@task()
def send_email(subject, body, to, reply_to=None, headers=None):
    """Send one plain-text email. Arguments are plain strings (tasks are
    serialised); ``headers``: extra headers, such as List-Unsubscribe."""
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=list(to),
        reply_to=list(reply_to or []),
        headers=dict(headers or {}),
    )
    message.send(fail_silently=False)


def send_email_after_commit(subject, body, to, reply_to=None, headers=None):
    """Queue an email once the current transaction commits.

    ``robust=True``: if queueing (or, with the immediate backend, sending)
    fails, the error is logged and the person's request still succeeds.
    Recipients are never logged. The subject is made one line (a line break
    in a header would be refused at sending).
    """
    if not to:
        return
    subject = " ".join(subject.split())
    transaction.on_commit(
        partial(
            send_email.enqueue, subject, body, list(to), list(reply_to or []), dict(headers or {})
        ),
        robust=True,
    )


def render_email(name, context):
    """``(subject, body)`` of the email ``name`` (``<app>/<email>``) from its templates.

    The body ends with exactly one line break, however the template file ends.
    """
    subject = render_to_string(f"{name}/subject.txt", context, using=EMAIL_TEMPLATES)
    body = render_to_string(f"{name}/body.txt", context, using=EMAIL_TEMPLATES)
    return " ".join(subject.split()), body.rstrip() + "\n"


def send_templated_email(name, context, to, reply_to=None):
    """Render the email ``name`` with ``context`` and queue it (see above)."""
    subject, body = render_email(name, context)
    send_email_after_commit(subject, body, to, reply_to)
