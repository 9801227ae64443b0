"""The public side of invitations: answering through a shared link, and the
lead contact's page with the combined result and publication.

Both pages sit behind private tokens (see ``ladder.models.invitations``) and
are served no-store. They carry forms, so their referrer policy is
``strict-origin`` (as in the journey): a POST with "no-referrer" sends
``Origin: null``, which Django's CSRF check refuses; "strict-origin" sends
the site's address only, never the path holding the token.
"""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_http_methods

from home.abuse import over_ip_limit
from home.private_links import make_private
from ladder import invitations
from ladder.forms import StartForm
from ladder.journey import START_LIMIT, START_WINDOW_SECONDS, Steps
from ladder.models import Invitation, Respondent, Rung, SelfAssessment
from ladder.team_results import spread_chart, team_result_with_history

FORM_REFERRER_POLICY = "strict-origin"

REFUSALS = {
    "not_found": (
        404,
        "We cannot find this invitation",
        "Check that you copied the whole link. If it still does not work, ask the person "
        "who sent it for a new one.",
    ),
    "revoked": (
        410,
        "This invitation link has been switched off",
        "The invitation was withdrawn, so it no longer takes answers or shows results. "
        "If you think this is a mistake, contact the person who sent it, or us.",
    ),
    "expired": (
        410,
        "This invitation link has expired",
        "It stopped taking answers on {date}. If you still want to take part, ask the person "
        "who sent it to ask us for a new invitation.",
    ),
    "not_ready": (
        503,
        "The self-assessment is not ready yet",
        "Please try again later.",
    ),
}


def render(request, page, template, context, status=200):
    response = TemplateResponse(
        request, f"pages/ladder/{template}", {"page": page, "self": page, **context}, status=status
    )
    response.render()
    return make_private(response, referrer_policy=FORM_REFERRER_POLICY)


def refuse(request, page, reason, invitation=None):
    status, heading, text = REFUSALS[reason]
    if invitation is not None and "{date}" in text:
        text = text.format(date=invitation.expires_at.strftime("%-d %B %Y"))
    return render(
        request,
        page,
        "invitation_refused.html",
        {"heading": heading, "text": text},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def invited_start(request, page, token):
    """The shared link: who invited you, what you are assessing, and Start."""
    invitation = Invitation.objects.for_answer_token(token).select_related("partner").first()
    if invitation is None or not invitation.partner.live:
        return refuse(request, page, "not_found")
    if invitation.is_revoked:
        return refuse(request, page, "revoked")
    if invitation.is_expired:
        return refuse(request, page, "expired", invitation)
    version = page.current_version()
    if version is None:
        return refuse(request, page, "not_ready")
    form = StartForm(request.POST or None)
    context = {"invitation": invitation, "version": version, "form": form}
    if request.method == "POST":
        if over_ip_limit(request, "ladder-start", START_LIMIT, START_WINDOW_SECONDS):
            return render(request, page, "invited_start.html", {**context, "blocked": True}, 429)
        if form.is_valid() and not form.looks_automated():
            with transaction.atomic():
                assessment, draft_token = SelfAssessment.start(version)
                assessment.partner = invitation.partner
                assessment.organisation_name = invitation.partner.title
                assessment.scope_type = invitation.scope_kind
                assessment.scope_name = invitation.scope_name
                assessment.save()
                Respondent.objects.create(invitation=invitation, assessment=assessment)
            return make_private(
                HttpResponseRedirect(Steps(page, draft_token, len(version.themes)).about())
            )
    return render(request, page, "invited_start.html", context)


@require_http_methods(["GET", "POST"])
def lead(request, page, token):
    """The lead contact's page: the combined result so far, history, publication."""
    invitation = Invitation.objects.for_lead_token(token).select_related("partner").first()
    if invitation is None:
        return refuse(request, page, "not_found")
    if invitation.is_revoked:
        return refuse(request, page, "revoked")
    rungs = list(Rung.objects.all())
    result = team_result_with_history(invitation, rungs)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "request":
                invitations.request_publication(invitation, result)
                return make_private(HttpResponseRedirect(request.path + "?done=requested"))
            if action == "withdraw":
                invitations.withdraw_publication(invitation)
                return make_private(HttpResponseRedirect(request.path + "?done=withdrawn"))
            error = "Choose one of the buttons on this page."
        except invitations.PublicationRefused as refused:
            error = str(refused)
    publication = invitation.publications.order_by("-requested_at").first()
    context = {
        "invitation": invitation,
        "result": result,
        "team": result.team,
        "change": result.change_since_previous(),
        "ladder_rungs": rungs,
        "chart": spread_chart(result.team, rungs),
        "publication": publication,
        "answer_url": invitations.answer_link(invitation, request, page),
        "done": request.GET.get("done", "") if request.method == "GET" else "",
        "error": error,
    }
    return render(request, page, "lead.html", context, status=409 if error else 200)
