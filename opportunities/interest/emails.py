"""The emails about expressions of interest: what each says and who gets it.

The person gets their confirmation, the editable messages (Settings >
Interest messages) and a note when they withdraw, each through
``privacy.contact_wishes.messages``: only if they allowed email, and neutral
when someone else may read it. The team inbox gets only a link to the
record, never anything personal. Every email is sent after the transaction
commits.
"""

import re

from django.urls import reverse
from django.utils.http import urlencode

from home.emails import render_email, send_templated_email
from home.models import SiteSettings
from home.site_address import absolute_url
from opportunities.choices import InterestStatus
from opportunities.interest.reply_dates import reply_by
from opportunities.models.interest_messages import INTEREST_MESSAGE
from privacy.contact_wishes.messages import PersonalMessage, send_personal_email


def contact_line(site_settings):
    """How to reach the team, in the emails' words (also the ``{contact}`` placeholder)."""
    parts = []
    if site_settings.contact_phone:
        parts.append(f"call {site_settings.contact_phone}")
    if site_settings.text_number:
        parts.append(f"text {site_settings.text_number}")
    if site_settings.contact_email:
        parts.append(f"email {site_settings.contact_email}")
    return ", ".join(parts) or "reply to this email"


def admin_url(path):
    return absolute_url(path)


def record_admin_url(record):
    return admin_url(reverse("expressions_of_interest:inspect", args=(record.pk,)))


def status_path(page, token, request=None):
    """The private link on this site, for a page the person is looking at."""
    return page.get_url(request) + page.reverse_subpage("interest_status", args=(token,))


def status_url(page, token, request=None):
    """The private link, absolute (it goes in an email), on the site's address."""
    return page.get_full_url(request) + page.reverse_subpage("interest_status", args=(token,))


def calendar_line(record, link):
    """The ``{calendar}`` placeholder: for a selected person whose opportunity
    has sessions to come, the link to their sessions' .ics (behind the same
    private link and second factor); else nothing."""
    page = record.opportunity
    if not (link and page and record.status == InterestStatus.SELECTED):
        return ""
    if not page.upcoming_sessions:
        return ""
    return f"Add your sessions to your calendar: {link}calendar/"


def without_empty_paragraphs(body):
    """A filled-in body without the blank paragraph an empty placeholder
    (``{calendar}`` for most people) leaves behind."""
    return re.sub(r"\n\s*\n(\s*\n)+", "\n\n", body)


def send_to_person(record, email, context, site_settings, link, token):
    """The email ``email`` to the person, as their contact wishes allow."""
    subject, body = render_email(email, context)
    send_personal_email(
        record,
        PersonalMessage(subject, body, private_link=link, token=token),
        site_settings.organisation_name,
        contact_line(site_settings),
    )


def send_confirmation(record, token, site_settings, request):
    """The person's confirmation with their private link, and a link-only note
    to the team."""
    link = status_url(record.opportunity, token, request)
    context = {
        "record": record,
        "org": site_settings,
        "reply_by": reply_by(site_settings),
        "status_url": link,
        "contact": contact_line(site_settings),
    }
    send_to_person(
        record, "opportunities/interest_confirmation", context, site_settings, link, token
    )
    notify_team("opportunities/team_new_interest", record, site_settings)


def send_duplicate_notice(existing, site_settings, request=None):
    """Only the owner of the contact detail hears that we already have their interest."""
    token = existing.private_link_token()
    link = status_url(existing.opportunity, token, request)
    context = {"record": existing, "org": site_settings, "contact": contact_line(site_settings)}
    send_to_person(
        existing, "opportunities/interest_duplicate", context, site_settings, link, token
    )


def send_withdrawal_confirmation(record, site_settings=None):
    """The person hears that their withdrawal went through."""
    site_settings = site_settings or SiteSettings.load()
    token = record.private_link_token()
    link = status_url(record.opportunity, token)
    context = {"record": record, "org": site_settings, "contact": contact_line(site_settings)}
    send_to_person(record, "opportunities/interest_withdrawn", context, site_settings, link, token)


def notify_team(email, record, site_settings=None):
    """Tell the team inbox, with a link to the record and nothing personal."""
    site_settings = site_settings or SiteSettings.load()
    if not site_settings.notification_email:
        return
    send_templated_email(
        email, {"admin_url": record_admin_url(record)}, [site_settings.notification_email]
    )


def message_values(record, site_settings, link=""):
    page = record.opportunity
    return {
        "name": record.person_name,
        "reference": record.reference,
        "opportunity": record.opportunity_title,
        "opportunity_url": page.get_full_url() if page else "",
        "organisation": site_settings.organisation_name,
        "contact": contact_line(site_settings),
        "calendar": calendar_line(record, link),
    }


def send_editable_message(record, subject, body, site_settings):
    """One of the editable messages, filled in for this person, as their
    contact wishes allow."""
    token = record.private_link_token()
    link = status_url(record.opportunity, token)
    values = message_values(record, site_settings, link)
    message = PersonalMessage(
        INTEREST_MESSAGE.fill(subject, values),
        without_empty_paragraphs(INTEREST_MESSAGE.fill(body, values)),
        private_link=link,
        token=token,
    )
    send_personal_email(
        record, message, site_settings.organisation_name, contact_line(site_settings)
    )


def ask_team_to_call_about_outcome(opportunity, to_call, site_settings):
    """People who asked what changed but gave a phone number: one link-only
    email asks the team to call or text them."""
    if not (to_call and site_settings.notification_email):
        return
    listing = reverse("expressions_of_interest:list")
    query = urlencode({"opportunity": opportunity.pk, "wants_outcome": "true"})
    send_templated_email(
        "opportunities/team_call_about_outcome",
        {"to_call": to_call, "listing_url": admin_url(f"{listing}?{query}")},
        [site_settings.notification_email],
    )
