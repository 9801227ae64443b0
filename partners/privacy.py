"""The partners app's personal data, declared to the privacy registry.

A partner's public contact details should be a team's, but may be a named
person's, so a request for that email or phone number lists the profile
(it is changed by hand: it is a public page).
"""

from __future__ import annotations

from collections.abc import Iterator

from partners.models.partner import PartnerPage
from privacy.contacts import Contact, normalise_phone
from privacy.registry import ERASED_BY_HAND, Declaration, PersonalDataSource


def partners_with_contact(contact: Contact) -> Iterator[PartnerPage]:
    # Phone numbers are compared by their digits, however they were typed,
    # so this reads the (few) partners rather than filtering in the database.
    email = contact.email.lower()
    for partner in PartnerPage.objects.all().only("pk", "title", "contact_email", "contact_phone"):
        hit_email = email and (partner.contact_email or "").lower() == email
        hit_phone = contact.phone and normalise_phone(partner.contact_phone) == contact.phone_digits
        if hit_email or hit_phone:
            yield partner


def export_partner_contact(partner: PartnerPage) -> dict[str, object]:
    return {
        "partner": partner.title,
        "contact_email": partner.contact_email,
        "contact_phone": partner.contact_phone,
    }


PARTNER_CONTACTS = PersonalDataSource(
    label="Partner profile (public contact)",
    model=PartnerPage,
    personal_fields=("contact_email", "contact_phone"),
    find=partners_with_contact,
    export=export_partner_contact,
    erasure=ERASED_BY_HAND,
    note="A public page: edit the partner's contact details in the admin.",
    retention=None,
    kept_because="Public contact details, shown while the profile is live; editors change them.",
)


def personal_data_sources() -> list[Declaration]:
    return [PARTNER_CONTACTS]
