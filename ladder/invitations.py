"""What happens to invitations: their links, emails, and publication decisions.

Every email to a lead contact carries only a link, never anyone's answers.
Publication goes: the lead contact asks (a snapshot of the combined result
is kept) → a moderator approves or declines → the lead contact may withdraw
at any time. Approving replaces the partner's earlier published rung, so a
partner shows one rung at most: its newest approved one.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from home.emails import send_email_after_commit
from home.models import SiteSettings
from ladder.models import LadderSettings, Publication, SelfAssessmentPage

# Wagtail audit-log actions (labels registered in ladder/invitation_hooks.py).
LOG_REQUESTED = "ladder.publication.request"
LOG_APPROVED = "ladder.publication.approve"
LOG_DECLINED = "ladder.publication.decline"
LOG_WITHDRAWN = "ladder.publication.withdraw"
LOG_REVOKED = "ladder.invitation.revoke"


class PublicationRefused(Exception):
    """A publication step that cannot happen now, with the reason in plain words."""


def invited_respondent(assessment):
    """The assessment's Respondent if it answers an invitation, else None."""
    try:
        return assessment.respondent
    except ObjectDoesNotExist:
        return None


def assessment_page():
    return SelfAssessmentPage.objects.live().first()


def page_link(page, route, token, request=None):
    """A private link on the host the person (or editor) used, else the site's own."""
    relative = page.url + page.reverse_subpage(route, args=(token,))
    if request is not None:
        return request.build_absolute_uri(relative)
    return page.get_full_url().rstrip("/") + "/" + page.reverse_subpage(route, args=(token,))


def answer_link(invitation, request=None, page=None):
    page = page or assessment_page()
    return page_link(page, "invited_start", invitation.answer_token, request) if page else ""


def lead_link(invitation, request=None, page=None):
    page = page or assessment_page()
    return page_link(page, "lead", invitation.lead_token, request) if page else ""


class _KeepUnknown(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def invitation_email(invitation, request=None):
    """The invitation email's (subject, body), from the text in the ladder settings."""
    texts = LadderSettings.load(request_or_site=request)
    organisation = SiteSettings.load(request_or_site=request).organisation_name
    page = assessment_page()
    values = _KeepUnknown(
        lead_name=invitation.lead_name,
        partner=invitation.partner.title,
        scope=f"{invitation.get_scope_kind_display().lower()} '{invitation.scope_name}'",
        organisation=organisation,
        answer_link=answer_link(invitation, request, page),
        lead_link=lead_link(invitation, request, page),
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


def send_invitation(invitation, request=None):
    subject, body = invitation_email(invitation, request)
    send_to_lead(invitation, subject, body)


def _organisation(request=None):
    return SiteSettings.load(request_or_site=request).organisation_name


def notify_new_response(assessment, request=None):
    """Tell the lead contact an answer arrived: a link, nothing else."""
    respondent = invited_respondent(assessment)
    if respondent is None:
        return
    invitation = respondent.invitation
    body = (
        f"{greeting(invitation)}\n\n"
        "Someone has just answered your invitation to the ladder self-assessment. "
        "See the combined result so far at your private link:\n\n"
        f"{lead_link(invitation, request)}\n\n"
        f"{_organisation(request)}\n"
    )
    send_to_lead(invitation, "A new answer to your ladder invitation", body)


def notify_decision(publication, request=None):
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
        f"{lead_link(invitation, request)}\n\n{_organisation(request)}\n"
    )
    send_to_lead(invitation, subject, body)


@transaction.atomic
def request_publication(invitation, result):
    """The lead contact asks to publish ``result`` (the invitation's TeamResult)."""
    if invitation.is_revoked:
        raise PublicationRefused("This invitation has been revoked.")
    if result.overall is None:
        raise PublicationRefused("There is no combined rung to publish yet.")
    pending = invitation.publications.filter(
        status__in=[Publication.Status.REQUESTED, Publication.Status.APPROVED]
    ).first()
    if pending is not None:
        raise PublicationRefused(
            "Your result is already published."
            if pending.is_shown
            else "You have already asked. We will email you when we have decided."
        )
    overall = result.overall
    publication = Publication.objects.create(
        invitation=invitation,
        rung_id=overall.rung_id,
        rung_level=overall.level,
        rung_name=overall.name,
        respondent_count=result.team.respondents,
        assessed_on=timezone.localdate(result.latest_answer_at),
        themes=[
            {"name": theme.name, "level": theme.rung.level, "rung": theme.rung.name}
            if theme.rung
            else {"name": theme.name, "level": None, "rung": ""}
            for theme in result.team.themes
        ],
    )
    log(instance=publication, action=LOG_REQUESTED, data={"by_lead_contact": True})
    return publication


@transaction.atomic
def withdraw_publication(invitation):
    """The lead contact takes their request or published rung down. Returns how many."""
    ending = list(
        invitation.publications.filter(
            status__in=[Publication.Status.REQUESTED, Publication.Status.APPROVED]
        )
    )
    for publication in ending:
        publication.status = Publication.Status.WITHDRAWN
        publication.ended_at = timezone.now()
        publication.save(update_fields=["status", "ended_at"])
        log(instance=publication, action=LOG_WITHDRAWN, data={"by_lead_contact": True})
    return len(ending)


@transaction.atomic
def approve(publication, user, request=None):
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if not publication.is_pending:
        raise PublicationRefused("This request has already been decided or withdrawn.")
    if publication.invitation.is_revoked:
        raise PublicationRefused("The invitation has been revoked, so it cannot be published.")
    now = timezone.now()
    Publication.objects.filter(
        invitation__partner_id=publication.invitation.partner_id,
        status=Publication.Status.APPROVED,
    ).update(status=Publication.Status.REPLACED, ended_at=now)
    publication.status = Publication.Status.APPROVED
    publication.decided_at = now
    publication.decided_by = user
    publication.save(update_fields=["status", "decided_at", "decided_by"])
    log(instance=publication, action=LOG_APPROVED, user=user)
    notify_decision(publication, request)
    return publication


@transaction.atomic
def decline(publication, user, reason="", request=None):
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if not publication.is_pending:
        raise PublicationRefused("This request has already been decided or withdrawn.")
    publication.status = Publication.Status.DECLINED
    publication.decided_at = timezone.now()
    publication.decided_by = user
    publication.decline_reason = reason.strip()
    publication.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    log(instance=publication, action=LOG_DECLINED, user=user)
    notify_decision(publication, request)
    return publication


def shown_publications(request=None):
    """Publications public pages may show: none when the site setting hides rungs."""
    if not SiteSettings.load(request_or_site=request).show_partner_rungs:
        return Publication.objects.none()
    return Publication.objects.shown()


def current_publication(partner, request=None):
    """The partner's published rung (the newest approved), or None. One query."""
    return (
        shown_publications(request)
        .filter(invitation__partner=partner, invitation__partner__live=True)
        .select_related("invitation")
        .order_by("-decided_at")
        .first()
    )
