"""The texts about expressions of interest: what each says.

Sent through ``privacy.contact_wishes.messages.send_personal_text``: only to
people who allowed texts and gave a UK mobile number, neutral when someone
else may see it. A text always carries the short private link
(``/m/<token>/``): the page's own address is too long for two texts.
"""

from opportunities.interest.emails import status_url
from opportunities.models.interest_messages import CONFIRMATION_TEXT, InterestMessages
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import PersonalMessage, send_personal_text

CONFIRMATION = "interest confirmation"


def send_confirmation_text(record, token, site_settings, request=None):
    """The person's reference and private link, by text (editable wording)."""
    link = status_url(record.opportunity, token, request)
    wording = InterestMessages.load(request_or_site=request).confirmation_text
    body = CONFIRMATION_TEXT.fill(
        wording,
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
        CONFIRMATION,
        # They have just sent their interest and wait for this: it goes at night too.
        any_hour=True,
    )
