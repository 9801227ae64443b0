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


def send_confirmation(alert, token):
    """ "Confirm your alerts from <organisation>": nothing about the search,
    with a link that confirms and one that deletes ("this wasn't me")."""
    site_settings = SiteSettings.load()
    wording = AlertMessages.load()
    link = manage_url(token)
    values = {
        "organisation": site_settings.organisation_name,
        "link": link + "confirm/",
        "not_me": link + "not-me/",
    }
    email = PersonalMessage(
        ALERT_SUBJECT.fill(wording.confirmation_subject, values),
        ALERT_CONFIRMATION.fill(wording.confirmation_body, values),
        private_link=link,
        token=token,
    )
    send_personal_email(alert, email, site_settings.organisation_name)
    text = ALERT_CONFIRMATION_TEXT.fill(
        wording.confirmation_text, {**values, "link": message_link(link, token)}
    )
    send_personal_text(
        alert,
        PersonalMessage("", text, private_link=link, token=token),
        site_settings.organisation_name,
        CONFIRMATION_KIND,
        any_hour=True,  # they asked for it just now
    )


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
    link = manage_url(token)
    values = {
        "organisation": site_settings.organisation_name,
        "opportunities": "\n".join(describe(opportunity) for opportunity in opportunities),
        "count": len(opportunities),
        "link": link,
    }
    email = PersonalMessage(
        ALERT_SUBJECT.fill(wording.alert_subject, values),
        ALERT.fill(wording.alert_body, values),
        private_link=link,
        token=token,
    )
    send_personal_email(
        alert, email, site_settings.organisation_name, headers=unsubscribe_headers(token)
    )
    text = ALERT_TEXT.fill(wording.alert_text, {**values, "link": message_link(link, token)})
    send_personal_text(
        alert,
        PersonalMessage("", text, private_link=link, token=token),
        site_settings.organisation_name,
        ALERT_KIND,
    )


def send_renewal_reminder(alert, lapses, site_settings=None, wording=None):
    """ "Keep your alerts?": their alerts stop on ``lapses`` unless renewed."""
    site_settings = site_settings or SiteSettings.load()
    wording = wording or AlertMessages.load()
    token = alert.private_link_token()
    link = manage_url(token)
    values = {
        "organisation": site_settings.organisation_name,
        "lapses": format_date(timezone.localtime(lapses), "l j F"),
        "link": link,
    }
    email = PersonalMessage(
        ALERT_SUBJECT.fill(wording.renewal_subject, values),
        RENEWAL.fill(wording.renewal_body, values),
        private_link=link,
        token=token,
    )
    send_personal_email(
        alert, email, site_settings.organisation_name, headers=unsubscribe_headers(token)
    )
    text = RENEWAL_TEXT.fill(wording.renewal_text, {**values, "link": message_link(link, token)})
    send_personal_text(
        alert,
        PersonalMessage("", text, private_link=link, token=token),
        site_settings.organisation_name,
        RENEWAL_KIND,
    )
