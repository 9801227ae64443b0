"""The lead contact's page (the combined result and publication), and the
refusals an invitation's links give (used by the journey's invited start too).

Both sit behind private tokens (see ``ladder.models.invitations``) and are
private pages (``home.private_pages``): the lead contact's page holds forms,
the refusals do not.
"""

from django.http import HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from home.private_pages import make_private, render_private
from ladder.charts import spread_chart
from ladder.invitations.emails import answer_link
from ladder.invitations.services import (
    PublicationRefused,
    request_publication,
    withdraw_publication,
)
from ladder.models.invitations import Invitation
from ladder.models.rungs import Rung
from ladder.team_results import team_result_with_history
from privacy.contact_wishes.second_factor import second_factor_gate

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


def refuse(request, page, reason, invitation=None):
    status, heading, text = REFUSALS[reason]
    if invitation is not None and "{date}" in text:
        text = text.format(date=invitation.expires_at.strftime("%-d %B %Y"))
    return render_private(
        request,
        page,
        "pages/ladder/invitation_refused.html",
        {"heading": heading, "text": text},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def lead(request, page, token):
    """The lead contact's page: the combined result so far, history, publication."""
    invitation = Invitation.objects.for_lead_token(token).select_related("partner").first()
    if invitation is None:
        return refuse(request, page, "not_found")
    if invitation.is_revoked:
        return refuse(request, page, "revoked")
    gate = second_factor_gate(
        request,
        key=invitation.lead_token_hash,
        reference=invitation.reference,
        phone_end="",
        required=invitation.needs_second_factor,
    )
    if gate is not None:
        return gate
    rungs = list(Rung.objects.live())
    result = team_result_with_history(invitation, rungs)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "request":
                request_publication(invitation, result)
                return make_private(HttpResponseRedirect(request.path + "?done=requested"))
            if action == "withdraw":
                withdraw_publication(invitation)
                return make_private(HttpResponseRedirect(request.path + "?done=withdrawn"))
            error = "Choose one of the buttons on this page."
        except PublicationRefused as refused:
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
        "answer_url": answer_link(invitation, page, request),
        "done": request.GET.get("done", "") if request.method == "GET" else "",
        "error": error,
    }
    return render_private(
        request,
        page,
        "pages/ladder/lead.html",
        context,
        status=409 if error else 200,
        has_form=True,
    )
