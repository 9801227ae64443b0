"""The emails to an invitation's lead contact, and the private links in them.

Every email carries only a link, never anyone's answers, and goes through
``privacy.contact_wishes.messages``: when someone else may read the lead
contact's email, it names no partner, scope or rung, only that there is news
behind their private link (which then asks for the invitation's reference).
The links are built from the self-assessment page, which callers pass in
(the journey and the lead contact's page have it; the admin looks up the
live one).
"""

from django.utils import timezone

from home.emails import render_email
from home.models import SiteSettings
from ladder.models.invitations import invited_respondent
from ladder.models.publications import Publication
from ladder.models.settings import INVITATION_BODY, INVITATION_SUBJECT, LadderSettings
from privacy.contact_wishes.messages import PersonalMessage, send_personal_email


def page_link(page, route, token, request=None):
    """A private link on the site's address (home/site_address.py)."""
    return page.get_full_url(request).rstrip("/") + "/" + page.reverse_subpage(route, args=(token,))


def answer_link(invitation, page, request=None):
    return page_link(page, "invited_start", invitation.answer_token, request) if page else ""


def lead_link(invitation, page, request=None):
    return page_link(page, "lead", invitation.lead_token, request) if page else ""


def invitation_email(invitation, page, request=None):
    """The invitation email's (subject, body), from the wording in the ladder settings."""
    texts = LadderSettings.load(request_or_site=request)
    values = {
        "lead_name": invitation.lead_name,
        "partner": invitation.partner.title,
        "scope": f"{invitation.get_scope_kind_display().lower()} '{invitation.scope_name}'",
        "organisation": _organisation(request),
        "answer_link": answer_link(invitation, page, request),
        "lead_link": lead_link(invitation, page, request),
        "expires": timezone.localtime(invitation.expires_at).strftime("%-d %B %Y"),
    }
    return (
        INVITATION_SUBJECT.fill(texts.invitation_subject, values),
        INVITATION_BODY.fill(texts.invitation_body, values),
    )


def send_to_lead(invitation, page, request, subject, body):
    """Email the lead contact as their contact wishes allow; nothing once their
    address has been erased (retention)."""
    send_personal_email(
        invitation,
        PersonalMessage(
            subject,
            body,
            private_link=lead_link(invitation, page, request),
            token=invitation.lead_token,
        ),
        _organisation(request),
    )


def send_invitation(invitation, page, request=None):
    subject, body = invitation_email(invitation, page, request)
    send_to_lead(invitation, page, request, subject, body)


def _organisation(request=None):
    return SiteSettings.load(request_or_site=request).organisation_name


def notify_new_response(assessment, page, request=None):
    """Tell the lead contact an answer arrived: a link, nothing else."""
    respondent = invited_respondent(assessment)
    if respondent is None:
        return
    invitation = respondent.invitation
    send_to_lead(
        invitation, page, request, *_lead_email("ladder/new_answer", invitation, page, request)
    )


def notify_decision(publication, page, request=None):
    email = (
        "ladder/rung_published"
        if publication.status == Publication.Status.APPROVED
        else "ladder/rung_not_published"
    )
    invitation = publication.invitation
    send_to_lead(
        invitation,
        page,
        request,
        *_lead_email(email, invitation, page, request, publication=publication),
    )


def _lead_email(name, invitation, page, request=None, **context):
    """(subject, body) of an email to the lead contact, which carries their link."""
    return render_email(
        name,
        {
            "invitation": invitation,
            "lead_link": lead_link(invitation, page, request),
            "organisation": _organisation(request),
            **context,
        },
    )
