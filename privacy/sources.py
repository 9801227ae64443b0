"""Personal data held by the layer beneath the apps: staff accounts (Django's
auth), emails waiting in the task queue (sent by ``home.emails``), the
records of text messages (``privacy.texts``), and the site settings' own
contact details, which are not a person's.

``home`` cannot declare these itself (it sits below ``privacy`` and never
imports it), so they are declared here, registered from
``privacy/wagtail_hooks.py`` like every app's.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db.models import QuerySet
from django_tasks_db.models import DBTaskResult

from home.emails import send_email
from privacy.contacts import Contact
from privacy.registry import (
    DELETE_RECORD,
    ERASED_BY_HAND,
    Declaration,
    NotPersonal,
    PersonalDataSource,
    PurgeClock,
    RetentionRule,
)
from privacy.texts.models import TextMessage
from privacy.texts.numbers import uk_mobile

# Sent emails sit in the task queue's table with their recipient and body (a
# confirmation carries the private link); keep them only long enough to
# retry and investigate failures.
EMAIL_TASK_KEEP_DAYS = 14
# A text's record (the number, what kind of message, whether it went) stays
# long enough to answer "did you text me?" and to look into failures.
TEXT_MESSAGE_KEEP_DAYS = 30

if TYPE_CHECKING:
    # A queued ``send_email`` call, whatever its arguments and result (the
    # model is generic only to type checkers).
    QueuedEmail = DBTaskResult[Any, Any]


def staff_accounts_for(contact: Contact) -> QuerySet[Any]:
    if not contact.email:
        return get_user_model().objects.none()
    return get_user_model().objects.filter(email__iexact=contact.email)


def export_staff_account(user: AbstractUser) -> dict[str, object]:
    return {"username": user.get_username(), "email": user.email, "name": user.get_full_name()}


STAFF_ACCOUNTS = PersonalDataSource(
    label="Staff account",
    model=get_user_model(),
    personal_fields=("username", "email", "first_name", "last_name"),
    find=staff_accounts_for,
    export=export_staff_account,
    erasure=ERASED_BY_HAND,
    note="A login for the admin: deactivate or delete it under Settings > Users.",
    retention=None,
    kept_because="A login for the admin, kept while the person works with us.",
)


def queued_emails_to(contact: Contact) -> QuerySet[QueuedEmail]:
    if not contact.email:
        return DBTaskResult.objects.none()
    return DBTaskResult.objects.filter(
        task_path=send_email.module_path, args_kwargs__icontains=contact.email
    )


def export_queued_email(task: QueuedEmail) -> dict[str, object]:
    return {"enqueued_at": task.enqueued_at, "status": task.status, "email": task.args_kwargs}


def sent_emails_past_keeping(clock: PurgeClock) -> QuerySet[QueuedEmail]:
    return DBTaskResult.objects.filter(
        task_path=send_email.module_path,
        finished_at__lt=clock.now - timedelta(days=EMAIL_TASK_KEEP_DAYS),
    )


QUEUED_EMAILS = PersonalDataSource(
    label="Email in the sending queue",
    model=DBTaskResult,
    personal_fields=("args_kwargs",),
    find=queued_emails_to,
    export=export_queued_email,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when=f"{EMAIL_TASK_KEEP_DAYS} days after it was sent (or failed)",
        what="sent emails from the queue",
        expired=sent_emails_past_keeping,
    ),
)


def texts_to(contact: Contact) -> QuerySet[TextMessage]:
    number = uk_mobile(contact.phone)
    if not number:
        return TextMessage.objects.none()
    return TextMessage.objects.filter(to=number)


def export_text_message(text: TextMessage) -> dict[str, object]:
    return {
        "number": text.to,
        "message": text.kind,
        "words": text.body or "(erased once sent)",
        "status": text.get_status_display(),
        "recorded_at": text.created_at,
        "sent_at": text.sent_at,
    }


def texts_past_keeping(clock: PurgeClock) -> QuerySet[TextMessage]:
    return TextMessage.objects.filter(
        created_at__lt=clock.now - timedelta(days=TEXT_MESSAGE_KEEP_DAYS)
    )


TEXT_MESSAGES = PersonalDataSource(
    label="Text message",
    model=TextMessage,
    personal_fields=("to", "body"),
    find=texts_to,
    export=export_text_message,
    erasure=DELETE_RECORD,
    retention=RetentionRule(
        when=f"{TEXT_MESSAGE_KEEP_DAYS} days after it was recorded",
        what="text message records",
        expired=texts_past_keeping,
    ),
)


def personal_data_sources() -> list[Declaration]:
    return [
        STAFF_ACCOUNTS,
        QUEUED_EMAILS,
        TEXT_MESSAGES,
        NotPersonal("home.SiteSettings.contact_email", "the organisation's own address"),
        NotPersonal("home.SiteSettings.contact_phone", "the organisation's own number"),
        NotPersonal("home.SiteSettings.text_number", "the organisation's own number"),
        NotPersonal("home.SiteSettings.notification_email", "the team inbox"),
    ]
