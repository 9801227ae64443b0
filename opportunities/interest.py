"""Expressing interest, following up and closing the loop.

The rules live here, not in views: how a submission is stored (once per
contact detail per opportunity), how statuses change (selections never
exceed the places, under a row lock), which emails go out (the team's carry
only a link), withdrawing by private link, and the one-off outcome notice.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from home.emails import send_email_after_commit
from home.models import SiteSettings
from home.private_links import hash_token, new_token
from opportunities.models import ExpressionOfInterest, InterestMessages, OpportunityPage
from opportunities.models.interest import contact_key, fill_placeholders, new_reference

Status = ExpressionOfInterest.Status
STATUS_LOG_ACTION = "opportunities.interest.status"
RECEIPT_SALT = "opportunities.interest.receipt"
RECEIPT_MAX_AGE = 60 * 60 * 24
# The people we email a status message to, by status.
MESSAGE_STATUSES = {Status.SELECTED: "selected", Status.NOT_SELECTED: "not_selected"}


class PlacesFull(Exception):
    """Selecting these people would take more places than the opportunity has."""


# Places ---------------------------------------------------------------------


def places_taken(opportunity):
    """How many people are selected: places count selections, not interest."""
    return ExpressionOfInterest.objects.filter(
        opportunity_id=opportunity.pk, status=Status.SELECTED
    ).count()


def places_reached(opportunity):
    return bool(opportunity.places) and places_taken(opportunity) >= opportunity.places


def lock_opportunity(opportunity_id):
    """Lock the opportunity's row until the transaction ends.

    Two editors selecting people at the same moment then take turns, so the
    second sees the first's selections before counting (PostgreSQL; SQLite
    runs one writer at a time anyway).
    """
    return OpportunityPage.objects.select_for_update().only("pk", "places").get(pk=opportunity_id)


# Dates people are promised ---------------------------------------------------


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


def contact_line(site_settings):
    parts = []
    if site_settings.contact_phone:
        parts.append(f"call {site_settings.contact_phone}")
    if site_settings.text_number:
        parts.append(f"text {site_settings.text_number}")
    if site_settings.contact_email:
        parts.append(f"email {site_settings.contact_email}")
    return ", ".join(parts) or "reply to this email"


def admin_url(record):
    path = reverse("expressions_of_interest:inspect", args=(record.pk,))
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


# Receiving interest -----------------------------------------------------------


@dataclass
class Receipt:
    """What the person is shown: the reference and their private link's token."""

    reference: str
    token: str
    has_email: bool
    stored: bool = True

    def sign(self):
        return signing.dumps(
            {"r": self.reference, "t": self.token, "e": self.has_email}, salt=RECEIPT_SALT
        )

    @classmethod
    def unsign(cls, value):
        data = signing.loads(value or "", salt=RECEIPT_SALT, max_age=RECEIPT_MAX_AGE)
        return cls(reference=data["r"], token=data["t"], has_email=data["e"])


def record_interest(opportunity, data, request=None):
    """Store one expression of interest and queue the emails; return a Receipt.

    A second submission with the same contact detail for the same opportunity
    stores nothing and returns a receipt that looks like any other, so the
    page never reveals that someone already applied. Only the owner of an
    email address hears, by email, that we already have their interest.
    """
    site_settings = SiteSettings.load(request_or_site=request)
    token, token_hash = new_token()
    record = ExpressionOfInterest(
        opportunity=opportunity,
        opportunity_title=opportunity.title,
        name=data["name"],
        contact_method=data["contact_method"],
        contact_detail=data["contact_detail"],
        safe_to_leave_message=data["safe_to_leave_message"],
        on_behalf_of=data.get("on_behalf_of", False),
        on_behalf_of_name=data.get("on_behalf_of_name", "") if data.get("on_behalf_of") else "",
        access_needs=data.get("access_needs", ""),
        access_needs_consent=data.get("access_needs_consent", False),
        anything_else=data.get("anything_else", ""),
        consent=data["consent"],
        wants_outcome=data.get("wants_outcome", False),
        token_hash=token_hash,
        token_expires_at=opportunity.closes_at + timedelta(days=site_settings.retention_days),
    )
    existing = ExpressionOfInterest.objects.filter(
        opportunity=opportunity,
        contact_key=_key_for(record),
    ).first()
    if existing is None:
        for _attempt in range(5):
            record.reference = new_reference()
            try:
                with transaction.atomic():
                    record.save()
            except IntegrityError:
                existing = ExpressionOfInterest.objects.filter(
                    opportunity=opportunity, contact_key=_key_for(record)
                ).first()
                if existing is not None:
                    break
                continue  # the reference was taken: draw another
            _notify_new(record, token, site_settings, request)
            return Receipt(record.reference, token, record.has_email)
        else:
            raise RuntimeError("Could not find a free reference")
    _notify_duplicate(existing, site_settings, request)
    # A receipt like any other; the reference and link are never stored.
    return Receipt(new_reference(), new_token()[0], record.has_email, stored=False)


def _key_for(record):
    return contact_key(record.contact_method, record.contact_detail)


def _notify_new(record, token, site_settings, request):
    page = record.opportunity
    context = {
        "record": record,
        "org": site_settings,
        "reply_by": reply_by(site_settings),
        "status_url": status_url(page, token, request),
        "contact": contact_line(site_settings),
    }
    if record.has_email:
        send_email_after_commit(
            f"We have your interest: {record.opportunity_title}",
            render_to_string("components/opportunities/emails/interest_confirmation.txt", context),
            [record.contact_detail],
        )
    notify_team(
        "New expression of interest",
        "Someone has expressed interest in an opportunity. Open it in the admin "
        "(you need to be in the Personal data group):",
        record,
        site_settings,
    )


def _notify_duplicate(existing, site_settings, request):
    if not existing.has_email:
        return
    context = {
        "record": existing,
        "org": site_settings,
        "contact": contact_line(site_settings),
    }
    send_email_after_commit(
        f"We already have your interest: {existing.opportunity_title}",
        render_to_string("components/opportunities/emails/interest_duplicate.txt", context),
        [existing.contact_detail],
    )


def notify_team(subject, lead, record, site_settings=None):
    """Tell the team inbox, with a link to the record and nothing personal."""
    site_settings = site_settings or SiteSettings.load()
    if not site_settings.notification_email:
        return
    send_email_after_commit(
        subject, f"{lead}\n\n{admin_url(record)}\n", [site_settings.notification_email]
    )


def status_url(page, token, request=None):
    """The private link, absolute (it goes in an email), on the host the person used."""
    path = page.reverse_subpage("interest_status", args=(token,))
    if request is not None:
        return request.build_absolute_uri(page.get_url(request) + path)
    return page.get_full_url() + path


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
        notify_team(
            "An expression of interest was withdrawn",
            "Someone withdrew their interest using their private link:",
            record,
        )
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
            if not record.has_email:
                result.to_call += 1
                continue
            site_settings = site_settings or SiteSettings.load()
            messages_settings = messages_settings or InterestMessages.load()
            subject, body = messages_settings.message_for(MESSAGE_STATUSES[status])
            values = message_values(record, site_settings)
            send_email_after_commit(
                fill_placeholders(subject, values),
                fill_placeholders(body, values),
                [record.contact_detail],
            )
            record.message_sent_for = status
            record.message_sent_at = now
            record.save(update_fields=["message_sent_for", "message_sent_at"])
            result.emailed += 1


def message_values(record, site_settings):
    page = record.opportunity
    return {
        "name": record.person_name,
        "reference": record.reference,
        "opportunity": record.opportunity_title,
        "opportunity_url": page.get_full_url() if page else "",
        "organisation": site_settings.organisation_name,
        "contact": contact_line(site_settings),
    }


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
            if not record.has_email:
                to_call += 1
                continue
            record.opportunity = opportunity
            values = message_values(record, site_settings)
            send_email_after_commit(
                fill_placeholders(subject, values),
                fill_placeholders(body, values),
                [record.contact_detail],
            )
            sent += 1
        if to_call and site_settings.notification_email:
            listing = reverse("expressions_of_interest:list")
            link = (
                settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + f"{listing}?opportunity={opportunity.pk}&wants_outcome=true"
            )
            send_email_after_commit(
                "Tell people what changed by phone or text",
                f"An outcome was published. {to_call} {'person' if to_call == 1 else 'people'} "
                "who asked to hear what changed "
                f"gave a phone number: please call or text them. Everyone who asked is "
                f"listed here; the contact column shows who gave a number:\n\n{link}\n",
                [site_settings.notification_email],
            )
    return sent


def send_due_outcome_notices():
    pages = OpportunityPage.objects.live().filter(
        has_outcome=True,
        closes_at__lte=timezone.now(),
        expressions_of_interest__wants_outcome=True,
        expressions_of_interest__outcome_notice_sent_at__isnull=True,
    )
    return sum(send_outcome_notices(page) for page in pages.distinct())


def outcome_published(sender, instance, **kwargs):
    """page_published receiver: close the loop with those who asked."""
    if isinstance(instance, OpportunityPage):
        send_outcome_notices(instance)
