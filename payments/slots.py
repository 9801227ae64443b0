"""This app's parts of other apps' pages, rendered into their slots: the
partner's own record on the lead contact's private page (with its short
response), and the partners' records in the ladder network report.

``ladder`` never imports this app; its templates render whatever the slot
hooks registered in wagtail_hooks.py return.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.urls import reverse

from payments.admin.permissions import may_see_partner_records
from payments.definitions import DEFINITIONS
from payments.models.feedback import PartnerResponse
from payments.partner_record import YEAR
from payments.records import partner_records


def lead_page_record(context):
    """The partner's own record, by year, before anything is ever published,
    with a box for its short response to each year."""
    invitation = context.get("invitation")
    request = context.get("request")
    if invitation is None or request is None or not invitation.lead_token:
        return ""
    records = partner_records(YEAR, partner=invitation.partner)
    responses = dict(
        PartnerResponse.objects.filter(partner=invitation.partner).values_list("period", "text")
    )
    for record in records:
        record.response = responses.get(record.period, "")
    return render_to_string(
        "components/payments/lead_record.html",
        {
            "records": records,
            "definitions": DEFINITIONS,
            "action": reverse("payments_partner_response", args=(invitation.lead_token,)),
            "csrf_token": get_token(request),
            "saved": request.GET.get("done") == "response",
        },
        request=request,
    )


def network_report_records(context):
    request = context.get("request")
    if request is None or not may_see_partner_records(request.user):
        return ""
    return render_to_string(
        "components/payments/admin/network_records.html",
        {"records": partner_records(YEAR), "definitions": DEFINITIONS},
        request=request,
    )
