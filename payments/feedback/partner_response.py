"""The lead contact's short response to its partner's record, from their
private page (behind the same token and second factor as the page)."""

from django import forms
from django.http import HttpResponseRedirect
from django.views.decorators.http import require_POST

from home.private_pages import make_private, render_private
from ladder.invitations.message_link import lead_page_target
from ladder.models.invitations import Invitation
from payments.models.feedback import PartnerResponse
from privacy.contact_wishes.second_factor import second_factor_gate

MOST_CHARACTERS = 1000


class ResponseForm(forms.Form):
    period = forms.RegexField(regex=r"^\d{4}( Q[1-4])?$", max_length=10)
    text = forms.CharField(max_length=MOST_CHARACTERS, required=False)


@require_POST
def partner_response(request, token):
    invitation = Invitation.objects.for_lead_token(token).not_revoked().first()
    target = lead_page_target(request, token) if invitation else None
    if target is None:
        return render_private(request, None, "pages/privacy/link_not_valid.html", status=404)
    gate = second_factor_gate(
        request,
        key=invitation.lead_token_hash,
        reference=invitation.reference,
        phone_end="",
        required=invitation.needs_second_factor,
    )
    if gate is not None:
        return gate
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return make_private(HttpResponseRedirect(target.url + "?done=response_refused", status=303))
    period, text = form.cleaned_data["period"], form.cleaned_data["text"].strip()
    if text:
        PartnerResponse.objects.update_or_create(
            partner=invitation.partner, period=period, defaults={"text": text}
        )
    else:
        PartnerResponse.objects.filter(partner=invitation.partner, period=period).delete()
    return make_private(
        HttpResponseRedirect(target.url + "?done=response#partner-record", status=303)
    )
