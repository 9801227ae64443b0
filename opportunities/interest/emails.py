"""The emails about expressions of interest: what each says and who gets it.

The person gets their confirmation and the editable messages (Settings >
Interest messages); the team inbox gets only a link to the record, never
anything personal. Every email is sent after the transaction commits.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from home.emails import send_email_after_commit
from home.models import SiteSettings
from opportunities.interest.reply_dates import reply_by
from opportunities.models.interest_messages import fill_placeholders


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


def status_url(page, token, request=None):
    """The private link, absolute (it goes in an email), on the host the person used."""
    path = page.reverse_subpage("interest_status", args=(token,))
    if request is not None:
        return request.build_absolute_uri(page.get_url(request) + path)
    return page.get_full_url() + path


def send_confirmation(record, token, site_settings, request):
    """The person's confirmation with their private link, and a link-only note
    to the team."""
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


def send_duplicate_notice(existing, site_settings):
    """Only the owner of the email address hears that we already have their interest."""
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


def send_editable_message(record, subject, body, site_settings):
    """One of the editable messages, filled in for this person."""
    values = message_values(record, site_settings)
    send_email_after_commit(
        fill_placeholders(subject, values),
        fill_placeholders(body, values),
        [record.contact_detail],
    )


def ask_team_to_call_about_outcome(opportunity, to_call, site_settings):
    """People who asked what changed but gave a phone number: one link-only
    email asks the team to call or text them."""
    if not (to_call and site_settings.notification_email):
        return
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
