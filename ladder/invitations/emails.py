"""The emails to an invitation's lead contact, and the private links in them.

Every email carries only a link, never anyone's answers. The links are built
from the self-assessment page, which callers pass in (the journey and the
lead contact's page have it; the admin looks up the live one).
"""

from django.utils import timezone

from home.emails import send_email_after_commit
from home.models import SiteSettings
from ladder.models.invitations import invited_respondent
from ladder.models.publications import Publication
from ladder.models.settings import LadderSettings


def page_link(page, route, token, request=None):
    """A private link on the host the person (or editor) used, else the site's own."""
    relative = page.url + page.reverse_subpage(route, args=(token,))
    if request is not None:
        return request.build_absolute_uri(relative)
    return page.get_full_url().rstrip("/") + "/" + page.reverse_subpage(route, args=(token,))


def answer_link(invitation, page, request=None):
    return page_link(page, "invited_start", invitation.answer_token, request) if page else ""


def lead_link(invitation, page, request=None):
    return page_link(page, "lead", invitation.lead_token, request) if page else ""


class _KeepUnknown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def invitation_email(invitation, page, request=None):
    """The invitation email's (subject, body), from the text in the ladder settings."""
    texts = LadderSettings.load(request_or_site=request)
    organisation = SiteSettings.load(request_or_site=request).organisation_name
    values = _KeepUnknown(
        lead_name=invitation.lead_name,
        partner=invitation.partner.title,
        scope=f"{invitation.get_scope_kind_display().lower()} '{invitation.scope_name}'",
        organisation=organisation,
        answer_link=answer_link(invitation, page, request),
        lead_link=lead_link(invitation, page, request),
        expires=timezone.localtime(invitation.expires_at).strftime("%-d %B %Y"),
    )
    subject = texts.invitation_subject.format_map(values)
    body = texts.invitation_body.format_map(values)
    return " ".join(subject.split()), body


def send_to_lead(invitation, subject, body):
    """Email the lead contact, unless their address has been erased (retention)."""
    if invitation.lead_email:
        send_email_after_commit(subject, body, [invitation.lead_email])


def greeting(invitation):
    return f"Hello {invitation.lead_name}," if invitation.lead_name else "Hello,"


def send_invitation(invitation, page, request=None):
    subject, body = invitation_email(invitation, page, request)
    send_to_lead(invitation, subject, body)


def _organisation(request=None):
    return SiteSettings.load(request_or_site=request).organisation_name


def notify_new_response(assessment, page, request=None):
    """Tell the lead contact an answer arrived: a link, nothing else."""
    respondent = invited_respondent(assessment)
    if respondent is None:
        return
    invitation = respondent.invitation
    body = (
        f"{greeting(invitation)}\n\n"
        "Someone has just answered your invitation to the ladder self-assessment. "
        "See the combined result so far at your private link:\n\n"
        f"{lead_link(invitation, page, request)}\n\n"
        f"{_organisation(request)}\n"
    )
    send_to_lead(invitation, "A new answer to your ladder invitation", body)


def notify_decision(publication, page, request=None):
    invitation = publication.invitation
    if publication.status == Publication.Status.APPROVED:
        subject = "Your ladder result is now on your profile"
        news = (
            f"We have published rung {publication.rung_level}, {publication.rung_name}, "
            f"on {invitation.partner.title}'s profile. You can take it down at any time "
            "from your private link."
        )
    else:
        subject = "We have not published your ladder result"
        news = "We have decided not to publish your ladder result this time."
        if publication.decline_reason:
            news += f" Our reason: {publication.decline_reason}"
    body = (
        f"{greeting(invitation)}\n\n{news}\n\n"
        f"{lead_link(invitation, page, request)}\n\n{_organisation(request)}\n"
    )
    send_to_lead(invitation, subject, body)
