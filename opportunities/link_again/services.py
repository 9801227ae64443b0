"""Finding whose link to send again, and sending it to that contact only."""

from django.utils import timezone

from opportunities.interest.emails import contact_line, send_to_person, status_url
from opportunities.models.interest import ExpressionOfInterest
from opportunities.models.interest_messages import CONFIRMATION_TEXT, InterestMessages
from privacy.contact_wishes.channels import Channel
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import PersonalMessage, send_personal_text
from privacy.texts.numbers import uk_mobile

LINK_AGAIN_EMAIL = "opportunities/interest_link_again"
LINK_AGAIN_TEXT = "interest link again"


def record_for(reference, contact):
    """The record with ``reference`` whose allowed email address or mobile
    number is ``contact`` (already cleaned by the form), and whose link still
    works; else None."""
    record = ExpressionOfInterest.objects.filter(
        reference=reference, token_expires_at__gt=timezone.now()
    ).first()
    if record is None:
        return None
    if contact.startswith("+"):
        matches = record.may_use(Channel.TEXT) and uk_mobile(record.contact_phone) == contact
    else:
        matches = record.can_email and record.contact_email.lower() == contact.lower()
    return record if matches else None


def send_link_again(reference, contact, site_settings, request=None):
    """Send the private link again to ``contact``, if it is the one given
    with ``reference``. Returns nothing either way: the caller must not know."""
    record = record_for(reference, contact)
    if record is None:
        return
    token = record.private_link_token()
    link = status_url(record.opportunity, token, request)
    if contact.startswith("+"):
        body = CONFIRMATION_TEXT.fill(
            InterestMessages.load(request_or_site=request).link_again_text,
            {
                "name": record.person_name,
                "reference": record.reference,
                "organisation": site_settings.organisation_name,
                "link": message_link(link, token),
            },
        )
        send_personal_text(
            record,
            PersonalMessage("", body, private_link=link, token=token),
            site_settings.organisation_name,
            LINK_AGAIN_TEXT,
            any_hour=True,  # they asked for it just now
        )
        return
    context = {"record": record, "org": site_settings, "status_url": link}
    context["contact"] = contact_line(site_settings)
    send_to_person(record, LINK_AGAIN_EMAIL, context, site_settings, link, token)
