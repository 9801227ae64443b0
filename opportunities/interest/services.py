"""Expressing interest, following up and closing the loop.

The rules live here, not in views: how a submission is stored (once per
contact detail per opportunity), how statuses change (selections never
exceed the places, under a row lock), withdrawing by private link, and the
one-off outcome notice. What each email says is in ``emails.py``, each text
in ``texts.py``.

Opportunities come in as arguments: the page model imports this flow
(through its interest routes), so this module never imports the page model.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.log_actions import log

from home.models import SiteSettings
from home.private_links import hash_token, new_token
from opportunities.choices import STATUS_LOG_ACTION, InterestStatus
from opportunities.closing_reminder import services as closing_reminder
from opportunities.interest import emails, texts
from opportunities.interest.receipt import Receipt
from opportunities.models.interest import (
    ExpressionOfInterest,
    new_reference,
    places_taken,
    wishes_key,
)
from opportunities.models.interest_messages import InterestMessages

Status = InterestStatus
# The people we email a status message to, by status.
MESSAGE_STATUSES = {Status.SELECTED: "selected", Status.NOT_SELECTED: "not_selected"}


class PlacesFull(Exception):
    """Selecting these people would take more places than the opportunity has."""


def opportunity_pages():
    """Every opportunity page, through the interest record's relation to it."""
    return ExpressionOfInterest._meta.get_field("opportunity").related_model.objects


def lock_opportunity(opportunity_id):
    """Lock the opportunity's row until the transaction ends.

    Two editors selecting people at the same moment then take turns, so the
    second sees the first's selections before counting (PostgreSQL; SQLite
    runs one writer at a time anyway).
    """
    return opportunity_pages().select_for_update().only("pk", "places").get(pk=opportunity_id)


# Receiving interest -----------------------------------------------------------


def record_interest(opportunity, data, request=None):
    """Store one expression of interest and queue the emails; return a Receipt.

    A second submission with the same contact detail for the same opportunity
    stores nothing and returns a receipt that looks like any other, so the
    page never reveals that someone already applied. Only the owner of an
    email address hears, by email, that we already have their interest.
    """
    site_settings = SiteSettings.load(request_or_site=request)
    record = ExpressionOfInterest(
        opportunity=opportunity,
        opportunity_title=opportunity.title,
        name=data["name"],
        **data["contact_wishes"],
        on_behalf_of=data.get("on_behalf_of", False),
        on_behalf_of_name=data.get("on_behalf_of_name", "") if data.get("on_behalf_of") else "",
        access_needs=data.get("access_needs", ""),
        access_needs_consent=data.get("access_needs_consent", False),
        anything_else=data.get("anything_else", ""),
        consent=data["consent"],
        wants_outcome=data.get("wants_outcome", False),
        token_expires_at=opportunity.closes_at + timedelta(days=site_settings.retention_days),
    )
    token = record.issue_link()
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity,
        contact_key=wishes_key(record),
    ).first()
    if existing is None:
        for _attempt in range(5):
            record.reference = new_reference()
            try:
                with transaction.atomic():
                    record.save()
            except IntegrityError:
                existing = ExpressionOfInterest.objects.filter(
                    opportunity=opportunity, contact_key=wishes_key(record)
                ).first()
                if existing is not None:
                    break
                continue  # the reference was taken: draw another
            closing_reminder.drop_for_interest(record)
            emails.send_confirmation(record, token, site_settings, request)
            texts.send_confirmation_text(record, token, site_settings, request)
            return Receipt.for_record(record, token)
        else:
            raise RuntimeError("Could not find a free reference")
    closing_reminder.drop_for_interest(record)
    emails.send_duplicate_notice(existing, site_settings, request)
    # A receipt like any other, from what was just typed; the reference and
    # link are never stored.
    record.reference = new_reference()
    return Receipt.for_record(record, new_token()[0], stored=False)


def find_by_token(opportunity, token):
    """The record this token opens, on this opportunity, if it has not expired."""
    if not token or len(token) > 100:
        return None
    return ExpressionOfInterest.objects.filter(
        opportunity_id=opportunity.pk,
        token_hash=hash_token(token),
        token_expires_at__gt=timezone.now(),
    ).first()


def withdraw(record):
    """The person withdraws by their private link; a selection frees its place."""
    if record.status == Status.WITHDRAWN:
        return False
    with transaction.atomic():
        previous = record.status
        record.status = Status.WITHDRAWN
        record.status_changed_at = timezone.now()
        record.save(update_fields=["status", "status_changed_at", "updated_at"])
        log(
            instance=record,
            action=STATUS_LOG_ACTION,
            data={"from": previous, "to": Status.WITHDRAWN, "by_person": True},
        )
        emails.notify_team("opportunities/team_interest_withdrawn", record)
        emails.send_withdrawal_confirmation(record)
    return True


# Following up -------------------------------------------------------------------


@dataclass
class StatusChangeResult:
    changed: int = 0
    emailed: int = 0
    to_call: int = 0
    refused: list = field(default_factory=list)


def change_status(records, status, user=None, send_message=False):
    """Move ``records`` to ``status``, one opportunity at a time.

    Selections are counted under a lock on the opportunity's row, so two
    editors can never select more people than there are places; an
    opportunity whose selections would overflow is left unchanged and named
    in ``refused``. With ``send_message``, people who gave an email address
    get the editable status message (selected / not selected) once the
    change commits; the rest are counted in ``to_call``.
    """
    result = StatusChangeResult()
    by_opportunity = {}
    for record in records:
        by_opportunity.setdefault(record.opportunity_id, []).append(record.pk)
    for opportunity_id, ids in by_opportunity.items():
        try:
            with transaction.atomic():
                _change_for_opportunity(opportunity_id, ids, status, user, send_message, result)
        except PlacesFull as full:
            result.refused.append(str(full))
    return result


def _change_for_opportunity(opportunity_id, ids, status, user, send_message, result):
    opportunity = lock_opportunity(opportunity_id)
    locked = list(
        ExpressionOfInterest.objects.select_for_update().filter(pk__in=ids).order_by("pk")
    )
    if status == Status.SELECTED and opportunity.places:
        newly = sum(1 for record in locked if record.status != Status.SELECTED)
        taken = places_taken(opportunity)
        if taken + newly > opportunity.places:
            raise PlacesFull(
                f"{locked[0].opportunity_title}: {opportunity.places} place"
                f"{'s' if opportunity.places != 1 else ''}, {taken} already selected, so "
                f"{newly} more cannot be selected. Nothing was changed for this opportunity."
            )
    now = timezone.now()
    site_settings = messages_settings = None
    for record in locked:
        if record.status != status:
            previous = record.status
            record.status = status
            record.status_changed_at = now
            record.save(update_fields=["status", "status_changed_at", "updated_at"])
            log(
                instance=record,
                action=STATUS_LOG_ACTION,
                user=user,
                data={"from": previous, "to": status},
                # Wagtail's history shows one entry per request and action;
                # each record gets its own, or only the last would show.
                uuid=uuid.uuid4(),
            )
            result.changed += 1
        if send_message and status in MESSAGE_STATUSES:
            if not record.can_email:
                result.to_call += 1
                continue
            site_settings = site_settings or SiteSettings.load()
            messages_settings = messages_settings or InterestMessages.load()
            subject, body = messages_settings.message_for(MESSAGE_STATUSES[status])
            emails.send_editable_message(record, subject, body, site_settings)
            record.message_sent_for = status
            record.message_sent_at = now
            record.save(update_fields=["message_sent_for", "message_sent_at"])
            result.emailed += 1


# Closing the loop ------------------------------------------------------------


def send_outcome_notices(opportunity):
    """Tell each person who asked what changed, once, when the outcome is out.

    People who gave an email address get the editable outcome email. People
    who gave a phone number cannot be emailed, so the team inbox gets one
    link-only email asking someone to call or text them. The outcome is shown
    on the page only once the opportunity has closed, so notices wait until
    then (``manage.py send_outcome_notices`` catches opportunities that
    closed after their outcome was published). Each record is claimed with a
    conditional update, so two runs never notify twice. Returns how many
    people were emailed.
    """
    if not opportunity.live or not opportunity.has_outcome or opportunity.is_open:
        return 0
    due = ExpressionOfInterest.objects.filter(
        opportunity_id=opportunity.pk,
        wants_outcome=True,
        outcome_notice_sent_at__isnull=True,
    ).exclude(status=Status.WITHDRAWN)
    sent = to_call = 0
    site_settings = SiteSettings.load()
    subject, body = InterestMessages.load().message_for("outcome")
    with transaction.atomic():
        for record in due:
            claimed = ExpressionOfInterest.objects.filter(
                pk=record.pk, outcome_notice_sent_at__isnull=True
            ).update(outcome_notice_sent_at=timezone.now())
            if not claimed:
                continue
            if not record.can_email:
                to_call += 1
                continue
            record.opportunity = opportunity
            emails.send_editable_message(record, subject, body, site_settings)
            sent += 1
        emails.ask_team_to_call_about_outcome(opportunity, to_call, site_settings)
    return sent


def send_due_outcome_notices():
    pages = (
        opportunity_pages()
        .live()
        .filter(
            has_outcome=True,
            closes_at__lte=timezone.now(),
            expressions_of_interest__wants_outcome=True,
            expressions_of_interest__outcome_notice_sent_at__isnull=True,
        )
    )
    return sum(send_outcome_notices(page) for page in pages.distinct())


def outcome_published(sender, instance, **kwargs):
    """page_published receiver (connected for the opportunity page only):
    close the loop with those who asked."""
    if isinstance(instance, sender):
        send_outcome_notices(instance)
