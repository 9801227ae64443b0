"""Each partner's record, for the team: a report in the admin (by quarter or
year) and its CSV. Every cell has passed the small-number rule
(``payments.partner_record``)."""

from itertools import chain

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path

from home.exports import csv_response
from payments.admin.permissions import may_see_partner_records
from payments.definitions import DEFINITIONS
from payments.models.feedback import PartnerResponse
from payments.partner_record import CSV_HEADER, PERIODS, QUARTER, csv_rows
from payments.records import partner_records


def chosen_period(request):
    kind = request.GET.get("period", QUARTER)
    return kind if kind in PERIODS else QUARTER


def with_responses(records):
    responses = {
        (response.partner_id, response.period): response.text
        for response in PartnerResponse.objects.all()
    }
    for record in records:
        record.response = responses.get((record.partner.pk, record.period), "")
    return records


def report_view(request):
    if not may_see_partner_records(request.user):
        raise PermissionDenied
    kind = chosen_period(request)
    return TemplateResponse(
        request,
        "components/payments/admin/partner_records.html",
        {
            "records": with_responses(partner_records(kind)),
            "period": kind,
            "definitions": DEFINITIONS,
        },
    )


def report_csv_view(request):
    if not may_see_partner_records(request.user):
        raise PermissionDenied
    kind = chosen_period(request)
    # The definitions travel with the figures: a spreadsheet is read without the page.
    definitions = [["Definition", "", term, text, "", "", ""] for term, text in DEFINITIONS]
    rows = chain(csv_rows(partner_records(kind)), definitions)
    return csv_response(f"partner-records-by-{kind}.csv", CSV_HEADER, rows)


def admin_urls():
    return [
        path("payments/partner-records/", report_view, name="payments_partner_records"),
        path("payments/partner-records/csv/", report_csv_view, name="payments_partner_records_csv"),
    ]
