"""The ladder's personal data, declared to the privacy registry.

The answers to a self-assessment are about an organisation's practice, not
about the person, and stay for the reports; the contact details around them
(including the address someone asked us to email their result's link to)
are personal and go after the retention period.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from ladder.models.assessments import SelfAssessment
from ladder.models.invitations import Invitation, Respondent
from privacy.contacts import Contact, normalise_phone
from privacy.registry import (
    Declaration,
    PersonalDataSource,
    PurgeClock,
    RetentionRule,
    blank_fields,
    every_stored_value,
)


def assessments_with_contact(contact: Contact) -> list[SelfAssessment]:
    """Assessments holding this email address, or this phone number (by its digits)."""
    query = Q(pk__in=[])
    if contact.email:
        query |= Q(contact_email__iexact=contact.email)
    if contact.phone_digits:
        query |= ~Q(contact_phone="")
    email = contact.email.lower()
    return [
        assessment
        for assessment in SelfAssessment.objects.filter(query)
        if (email and assessment.contact_email.lower() == email)
        or (
            contact.phone_digits
            and normalise_phone(assessment.contact_phone) == contact.phone_digits
        )
    ]


def assessment_contacts_past_retention(clock: PurgeClock) -> QuerySet[SelfAssessment]:
    """Past the period since the assessment began and since the person last asked
    us to email them its link (ladder.journey.keep), whichever came later."""
    return (
        SelfAssessment.objects.filter(created_at__lt=clock.cutoff)
        .filter(Q(link_consented_at__isnull=True) | Q(link_consented_at__lt=clock.cutoff))
        .exclude(contact_email="", contact_phone="")
    )


ASSESSMENT_CONTACTS = PersonalDataSource(
    label="Ladder self-assessment (contact details)",
    model=SelfAssessment,
    personal_fields=("contact_email", "contact_phone", "support_worker"),
    find=assessments_with_contact,
    export=every_stored_value,
    erasure=blank_fields("contact_email", "contact_phone", "support_worker"),
    note="Erasing removes the contact details; the anonymous answers stay.",
    retention=RetentionRule(
        when=(
            "the retention period (Site settings) after the assessment was started, or after "
            "the person last asked us to email them their result's link, if later"
        ),
        what="self-assessment contact details (and the address a result's link went to)",
        expired=assessment_contacts_past_retention,
    ),
)


def invitations_led_by(contact: Contact) -> QuerySet[Invitation]:
    if not contact.email:
        return Invitation.objects.none()
    return Invitation.objects.filter(contact_email__iexact=contact.email)


def lead_contacts_past_retention(clock: PurgeClock) -> QuerySet[Invitation]:
    return Invitation.objects.filter(expires_at__lt=clock.cutoff).exclude(contact_email="")


INVITATION_LEAD_CONTACTS = PersonalDataSource(
    label="Ladder assessment invitation (lead contact)",
    model=Invitation,
    # A lead contact is reached by email only; the other contact-wish fields
    # every record has stay empty, and go with the rest when erased.
    personal_fields=("lead_name", "contact_email", "contact_phone", "support_worker"),
    find=invitations_led_by,
    export=every_stored_value,
    erasure=blank_fields("contact_email", "lead_name", "contact_phone", "support_worker"),
    note="Erasing removes the lead's name and email; the invitation stays.",
    retention=RetentionRule(
        when="the retention period (Site settings) after the invitation expired",
        what="invitation lead contacts",
        expired=lead_contacts_past_retention,
    ),
)


def export_respondent(respondent: Respondent) -> dict[str, object]:
    return {"name": respondent.name, "relation": respondent.relation}


RESPONDENT_NAMES = PersonalDataSource(
    label="Ladder respondent (name)",
    model=Respondent,
    personal_fields=("name",),
    find=None,
    export=export_respondent,
    erasure=blank_fields("name"),
    # Not looked up by requests yet (as before the registry): the name sits
    # beside its assessment's contact email, which is found. See docs/privacy.md.
    note="The optional name someone answering an invitation gave; requests do not look it up.",
    retention=None,
    kept_because="No rule yet: kept with the anonymous answers (see docs/privacy.md).",
)


def personal_data_sources() -> list[Declaration]:
    return [ASSESSMENT_CONTACTS, INVITATION_LEAD_CONTACTS, RESPONDENT_NAMES]
