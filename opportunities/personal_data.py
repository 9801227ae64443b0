"""Retention and people's rights over their data, across the whole site.

- ``purge``: deletes what the retention period says must go (run daily by
  ``manage.py purge_personal_data``).
- ``find`` / ``export`` / ``erase``: answer a subject-access or erasure
  request for an email address or phone number (``manage.py
  personal_data_request`` and the admin's "Personal data request" page).

``SOURCES`` lists every model that holds an email address or phone number;
a test fails when a new one appears that is not listed here or in
``NOT_PERSONAL``, so new personal data cannot slip past these tools.
"""

import json
from dataclasses import dataclass, field
from datetime import timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from wagtail.models import ModelLogEntry

from home.models import PersonalDataAccess, SiteSettings
from opportunities.models import ExpressionOfInterest
from opportunities.models.interest import contact_key, normalise_phone

EMAIL_TASK_PATH = "home.emails.send_email"
# Sent emails sit in the task queue's table with their recipient and body (a
# confirmation carries the private link); keep them only long enough to
# retry and investigate failures.
EMAIL_TASK_KEEP_DAYS = 14

# Fields that hold an email address or phone number but are not a person's
# data, or are handled elsewhere, with the reason. (app_label.Model.field)
NOT_PERSONAL = {
    "home.SiteSettings.contact_email": "the organisation's own address",
    "home.SiteSettings.contact_phone": "the organisation's own number",
    "home.SiteSettings.text_number": "the organisation's own number",
    "home.SiteSettings.notification_email": "the team inbox",
}


@dataclass
class Match:
    """One record that holds the person's email address or phone number."""

    source: str
    record_id: str
    data: dict
    erasable: bool = True
    note: str = ""
    obj: object = field(default=None, repr=False)
    # Erase by blanking these fields (the rest of the record is not personal);
    # when empty, the whole record is deleted.
    blank_fields: dict = field(default_factory=dict)


# Where personal contact details live ------------------------------------------


def _eoi_matches(email, phone):
    keys = []
    if email:
        keys.append(contact_key(ExpressionOfInterest.ContactMethod.EMAIL, email))
    if phone:
        keys.append(contact_key(ExpressionOfInterest.ContactMethod.PHONE, phone))
    if not keys:
        return []
    records = ExpressionOfInterest.objects.filter(contact_key__in=keys).order_by("created_at")
    fields = [
        "reference",
        "opportunity_title",
        "created_at",
        "status",
        "name",
        "on_behalf_of_name",
        "contact_method",
        "contact_detail",
        "safe_to_leave_message",
        "access_needs",
        "anything_else",
        "consent",
        "wants_outcome",
        "editor_note",
        "message_sent_for",
        "message_sent_at",
        "outcome_notice_sent_at",
    ]
    return [
        Match(
            "Expression of interest",
            str(record.pk),
            {name: getattr(record, name) for name in fields},
            obj=record,
        )
        for record in records
    ]


def _assessment_matches(email, phone):
    try:
        SelfAssessment = apps.get_model("ladder", "SelfAssessment")
    except LookupError:
        return []
    if not email or not _has_field(SelfAssessment, "contact_email"):
        return []
    return [
        Match(
            "Ladder self-assessment (contact email)",
            str(assessment.pk),
            _plain_fields(assessment),
            note="Erasing removes the contact email; the anonymous answers stay.",
            obj=assessment,
            blank_fields={"contact_email": ""},
        )
        for assessment in SelfAssessment.objects.filter(contact_email__iexact=email)
    ]


def _invitation_matches(email, phone):
    try:
        Invitation = apps.get_model("ladder", "Invitation")
    except LookupError:
        return []
    if not email or not _has_field(Invitation, "lead_email"):
        return []
    return [
        Match(
            "Ladder assessment invitation (lead contact)",
            str(invitation.pk),
            _plain_fields(invitation),
            note="Erasing removes the lead's name and email; the invitation stays.",
            obj=invitation,
            blank_fields={"lead_email": "", "lead_name": ""},
        )
        for invitation in Invitation.objects.filter(lead_email__iexact=email)
    ]


def _partner_matches(email, phone):
    try:
        PartnerPage = apps.get_model("partners", "PartnerPage")
    except LookupError:
        return []
    matches = []
    for partner in PartnerPage.objects.all().only("pk", "title", "contact_email", "contact_phone"):
        hit_email = email and (partner.contact_email or "").lower() == email.lower()
        hit_phone = phone and normalise_phone(partner.contact_phone) == normalise_phone(phone)
        if hit_email or hit_phone:
            matches.append(
                Match(
                    "Partner profile (public contact)",
                    str(partner.pk),
                    {
                        "partner": partner.title,
                        "contact_email": partner.contact_email,
                        "contact_phone": partner.contact_phone,
                    },
                    erasable=False,
                    note="A public page: edit the partner's contact details in the admin.",
                )
            )
    return matches


def _user_matches(email, phone):
    from django.contrib.auth import get_user_model

    if not email:
        return []
    return [
        Match(
            "Staff account",
            str(user.pk),
            {"username": user.get_username(), "email": user.email, "name": user.get_full_name()},
            erasable=False,
            note="A login for the admin: deactivate or delete it under Settings > Users.",
        )
        for user in get_user_model().objects.filter(email__iexact=email)
    ]


def _email_task_matches(email, phone):
    try:
        DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    except LookupError:
        return []
    if not email:
        return []
    return [
        Match(
            "Email in the sending queue",
            str(task.pk),
            {"enqueued_at": task.enqueued_at, "status": task.status, "email": task.args_kwargs},
            obj=task,
        )
        for task in DBTaskResult.objects.filter(
            task_path=EMAIL_TASK_PATH, args_kwargs__icontains=email
        )
    ]


SOURCES = {
    # app_label.Model.field: the function that finds and describes its records
    "opportunities.ExpressionOfInterest.contact_detail": _eoi_matches,
    "ladder.SelfAssessment.contact_email": _assessment_matches,
    "ladder.Invitation.lead_email": _invitation_matches,
    "partners.PartnerPage.contact_email": _partner_matches,
    "partners.PartnerPage.contact_phone": _partner_matches,
    "auth.User.email": _user_matches,
    "django_tasks_database.DBTaskResult.args_kwargs": _email_task_matches,
}


def _plain_fields(obj):
    """Every stored value of a record, except link secrets, for an access request."""
    return {
        model_field.attname: getattr(obj, model_field.attname)
        for model_field in obj._meta.concrete_fields
        if "token" not in model_field.name and "salt" not in model_field.name
    }


def _has_field(model, name):
    return any(model_field.name == name for model_field in model._meta.get_fields())


def find(email=None, phone=None):
    """Every record on the site holding this email address or phone number."""
    email = (email or "").strip()
    phone = (phone or "").strip()
    if phone and not normalise_phone(phone):
        phone = ""
    matches = []
    for finder in dict.fromkeys(SOURCES.values()):  # each finder once
        matches.extend(finder(email, phone))
    return matches


def export(matches):
    """The matches as JSON text, for the person (a subject-access response)."""
    return json.dumps(
        {
            "generated_at": timezone.now(),
            "records": [
                {"type": m.source, "id": m.record_id, "data": m.data, "note": m.note}
                for m in matches
            ],
        },
        cls=DjangoJSONEncoder,
        indent=2,
        ensure_ascii=False,
    )


def _delete_log_entries(model, ids):
    """Wagtail's audit log keeps a label per record; remove them with it."""
    ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in ids],
    ).delete()


def erase(matches):
    """Erase every erasable match; return how many records were erased."""
    erased = 0
    with transaction.atomic():
        for match in matches:
            if not match.erasable or match.obj is None:
                continue
            obj = match.obj
            if isinstance(obj, ExpressionOfInterest):
                _delete_log_entries(ExpressionOfInterest, [obj.pk])
                obj.delete()
            elif match.blank_fields:
                fields = {
                    name: value
                    for name, value in match.blank_fields.items()
                    if _has_field(type(obj), name)
                }
                type(obj).objects.filter(pk=obj.pk).update(**fields)
            else:
                type(obj).objects.filter(pk=obj.pk).delete()
            erased += 1
    return erased


def record_request(who, action, matches, detail=""):
    """Note in the personal-data access log that a request was answered."""
    PersonalDataAccess.objects.create(
        user=who if getattr(who, "is_authenticated", False) else None,
        username=who.get_username() if getattr(who, "is_authenticated", False) else str(who),
        action=action,
        record_type="personal data request",
        count=len(matches),
        detail=detail,
    )


# Retention ----------------------------------------------------------------------


@dataclass
class PurgeReport:
    expressions_of_interest: int = 0
    assessment_emails: int = 0
    invitation_contacts: int = 0
    email_tasks: int = 0

    def __str__(self):
        return (
            f"Deleted {self.expressions_of_interest} expressions of interest, "
            f"{self.email_tasks} sent emails from the queue; "
            f"removed {self.assessment_emails} self-assessment contact emails and "
            f"{self.invitation_contacts} invitation lead contacts."
        )


def purge(now=None, dry_run=False):
    """Delete personal data past its retention period. Safe to run any number of times.

    - Expressions of interest go ``retention_days`` (Site settings) after
      their opportunity closed, with their private-link hashes (same row) and
      their entries' labels in Wagtail's audit log.
    - Self-assessment contact emails go ``retention_days`` after the
      assessment was started (the anonymous answers stay for reports), and
      an invitation's lead contact ``retention_days`` after it expired.
    - Sent or failed emails leave the task queue's table after
      ``EMAIL_TASK_KEEP_DAYS``.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=SiteSettings.load().retention_days)
    report = PurgeReport()
    with transaction.atomic():
        expired = ExpressionOfInterest.objects.filter(opportunity__closes_at__lt=cutoff)
        ids = list(expired.values_list("pk", flat=True))
        report.expressions_of_interest = len(ids)
        if not dry_run and ids:
            _delete_log_entries(ExpressionOfInterest, ids)
            ExpressionOfInterest.objects.filter(pk__in=ids).delete()

        try:
            SelfAssessment = apps.get_model("ladder", "SelfAssessment")
        except LookupError:
            SelfAssessment = None
        if SelfAssessment is not None and _has_field(SelfAssessment, "contact_email"):
            old = SelfAssessment.objects.filter(created_at__lt=cutoff).exclude(contact_email="")
            report.assessment_emails = old.count() if dry_run else old.update(contact_email="")

        try:
            Invitation = apps.get_model("ladder", "Invitation")
        except LookupError:
            Invitation = None
        if Invitation is not None and _has_field(Invitation, "lead_email"):
            ended = Invitation.objects.filter(expires_at__lt=cutoff).exclude(lead_email="")
            if dry_run:
                report.invitation_contacts = ended.count()
            else:
                report.invitation_contacts = ended.update(lead_email="", lead_name="")

        try:
            DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
        except LookupError:
            DBTaskResult = None
        if DBTaskResult is not None:
            sent = DBTaskResult.objects.filter(
                task_path=EMAIL_TASK_PATH,
                finished_at__lt=now - timedelta(days=EMAIL_TASK_KEEP_DAYS),
            )
            report.email_tasks = sent.count() if dry_run else sent.delete()[0]
    return report
