"""Publication of an invitation's combined rung: requests, decisions, and what is shown.

Publication goes: the lead contact asks (a snapshot of the combined result
is kept) → a moderator approves or declines → the lead contact may withdraw
at any time. Approving replaces the partner's earlier published rung, so a
partner shows one current rung at most: its newest approved one. The rungs it
replaced stay in the partner's published history, dated, until their lead
contact withdraws them too.
"""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from home.models import SiteSettings
from ladder.invitations.emails import notify_decision
from ladder.models.publications import Publication

# Wagtail audit-log actions (labels registered in ladder/admin/log_actions.py).
LOG_REQUESTED = "ladder.publication.request"
LOG_APPROVED = "ladder.publication.approve"
LOG_DECLINED = "ladder.publication.decline"
LOG_WITHDRAWN = "ladder.publication.withdraw"
LOG_REVOKED = "ladder.invitation.revoke"


class PublicationRefused(Exception):
    """A publication step that cannot happen now, with the reason in plain words."""


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
        scoring_rule=result.team.rule,
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
    """The lead contact takes their request, published rung or history entry down.

    Returns how many.
    """
    ending = list(
        invitation.publications.filter(
            status__in=[
                Publication.Status.REQUESTED,
                Publication.Status.APPROVED,
                Publication.Status.REPLACED,
            ]
        )
    )
    for publication in ending:
        publication.status = Publication.Status.WITHDRAWN
        publication.ended_at = timezone.now()
        publication.save(update_fields=["status", "ended_at"])
        log(instance=publication, action=LOG_WITHDRAWN, data={"by_lead_contact": True})
    return len(ending)


@transaction.atomic
def approve(publication, user, page, request=None):
    """A moderator publishes the rung; ``page`` (the self-assessment page) makes the email's link."""
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
    notify_decision(publication, page, request)
    return publication


@transaction.atomic
def decline(publication, user, page, reason="", request=None):
    publication = Publication.objects.select_for_update().get(pk=publication.pk)
    if not publication.is_pending:
        raise PublicationRefused("This request has already been decided or withdrawn.")
    publication.status = Publication.Status.DECLINED
    publication.decided_at = timezone.now()
    publication.decided_by = user
    publication.decline_reason = reason.strip()
    publication.save(update_fields=["status", "decided_at", "decided_by", "decline_reason"])
    log(instance=publication, action=LOG_DECLINED, user=user)
    notify_decision(publication, page, request)
    return publication


def shown_publications(request=None):
    """Publications public pages may show: none when the site setting hides rungs."""
    if not SiteSettings.load(request_or_site=request).show_partner_rungs:
        return Publication.objects.none()
    return Publication.objects.shown()


def published_history(partner, request=None):
    """The partner's approved rungs over time, by scope then newest first. One query."""
    if not SiteSettings.load(request_or_site=request).show_partner_rungs:
        return []
    return list(
        Publication.objects.in_history()
        .filter(invitation__partner=partner, invitation__partner__live=True)
        .select_related("invitation")
        .order_by("invitation__scope_kind", "invitation__scope_name", "-assessed_on", "-decided_at")
    )


def current_publication(partner, request=None):
    """The partner's published rung (the newest approved), or None. One query."""
    return (
        shown_publications(request)
        .filter(invitation__partner=partner, invitation__partner__live=True)
        .select_related("invitation")
        .order_by("-decided_at")
        .first()
    )
