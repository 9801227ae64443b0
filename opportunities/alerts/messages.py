"""What alert messages say, and how they go: through
``privacy.contact_wishes.messages`` (only the ways the person allowed, neutral
when not safe), every email with one-click unsubscribe headers (RFC 8058)."""

from django.utils import timezone
from django.utils.dateformat import format as format_date

from home.models import SiteSettings
from opportunities.alerts.services import manage_url, unsubscribe_url
from opportunities.models.alert_messages import (
    ALERT,
    ALERT_CONFIRMATION,
    ALERT_CONFIRMATION_TEXT,
    ALERT_SUBJECT,
    ALERT_TEXT,
    RENEWAL,
    RENEWAL_TEXT,
    AlertMessages,
)
from privacy.contact_wishes.links import message_link
from privacy.contact_wishes.messages import (
    PersonalMessage,
    send_personal_email,
    send_personal_text,
)

CONFIRMATION_KIND = "alert confirmation"
RENEWAL_KIND = "alert renewal"
ALERT_KIND = "search alert"


def unsubscribe_headers(token):
    """RFC 8058: a mail client's "Unsubscribe" button POSTs to this address."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(token)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def _send(alert, token, values, subject, body, text, kind, unsubscribe=True, any_hour=False):
    """Email and text ``alert``'s person, as their wishes allow. ``subject``,
    ``body`` and ``text``: each a (placeholders, editable wording) pair;
    ``values`` fill them; the text carries the alerts page in its message form."""
    organisation = values["organisation"]
    link = manage_url(token)
    email = PersonalMessage(
        subject[0].fill(subject[1], values),
        body[0].fill(body[1], values),
        private_link=link,
        token=token,
    )
    headers = unsubscribe_headers(token) if unsubscribe else None
    send_personal_email(alert, email, organisation, headers=headers)
    message = text[0].fill(text[1], {**values, "link": message_link(link, token)})
    send_personal_text(
        alert,
        PersonalMessage("", message, private_link=link, token=token),
        organisation,
        kind,
        any_hour=any_hour,
    )


def send_confirmation(alert, token):
    """ "Confirm your alerts from <organisation>": nothing about the search,
    with a link that confirms and one that deletes ("this wasn't me")."""
    organisation = SiteSettings.load().organisation_name
    wording = AlertMessages.load()
    link = manage_url(token)
    values = {"organisation": organisation, "link": link + "confirm/", "not_me": link + "not-me/"}
    _send(
        alert,
        token,
        values,
        (ALERT_SUBJECT, wording.confirmation_subject),
        (ALERT_CONFIRMATION, wording.confirmation_body),
        (ALERT_CONFIRMATION_TEXT, wording.confirmation_text),
        CONFIRMATION_KIND,
        unsubscribe=False,
        any_hour=True,  # they asked for it just now
    )


def _values(site_settings, token, **about):
    """What a message about an alert's opportunities or its renewal fills in:
    the organisation, the alert's private page and what ``about`` adds."""
    return {"organisation": site_settings.organisation_name, "link": manage_url(token), **about}


def describe(opportunity):
    closes = timezone.localtime(opportunity.closes_at) if opportunity.closes_at else None
    when = f" (closes {format_date(closes, 'j F')})" if closes else ""
    return f"- {opportunity.title}{when}: {opportunity.get_full_url()}"


def send_alert(alert, opportunities, site_settings=None, wording=None):
    """One message to ``alert``'s person about ``opportunities`` (however
    many of their alerts matched)."""
    site_settings = site_settings or SiteSettings.load()
    wording = wording or AlertMessages.load()
    token = alert.private_link_token()
    values = _values(
        site_settings,
        token,
        opportunities="\n".join(describe(opportunity) for opportunity in opportunities),
        count=len(opportunities),
    )
    _send(
        alert,
        token,
        values,
        (ALERT_SUBJECT, wording.alert_subject),
        (ALERT, wording.alert_body),
        (ALERT_TEXT, wording.alert_text),
        ALERT_KIND,
    )


def send_renewal_reminder(alert, lapses, site_settings=None, wording=None):
    """ "Keep your alerts?": their alerts stop on ``lapses`` unless renewed."""
    site_settings = site_settings or SiteSettings.load()
    wording = wording or AlertMessages.load()
    token = alert.private_link_token()
    values = _values(site_settings, token, lapses=format_date(timezone.localtime(lapses), "l j F"))
    _send(
        alert,
        token,
        values,
        (ALERT_SUBJECT, wording.renewal_subject),
        (RENEWAL, wording.renewal_body),
        (RENEWAL_TEXT, wording.renewal_text),
        RENEWAL_KIND,
    )
