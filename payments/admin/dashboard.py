"""Dashboard panels for the Personal data group: overdue payments (references
only, oldest first), and each partner's record this year."""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from payments.admin.permissions import may_record_payments, may_see_partner_records
from payments.definitions import DEFINITIONS
from payments.overdue import overdue_payments
from payments.partner_record import YEAR
from payments.records import partner_records

PANEL_ROWS = 10


class OverduePaymentsPanel(Component):
    name = "payments_overdue"
    template_name = "components/payments/admin/overdue_panel.html"
    order = 112

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        late = overdue_payments(today=today)
        return {
            "rows": [
                {"payment": payment, "due": due, "days_late": (today - due).days}
                for payment, due in late[:PANEL_ROWS]
            ],
            "total": len(late),
            "payments_url": reverse("payments:list"),
        }


class PartnerRecordsPanel(Component):
    name = "payments_partner_records"
    template_name = "components/payments/admin/records_panel.html"
    order = 114

    def get_context_data(self, parent_context):
        year = str(timezone.localdate().year)
        records = [r for r in partner_records(YEAR) if r.period == year]
        return {
            "records": records,
            "year": year,
            "definitions": DEFINITIONS,
            "report_url": reverse("payments_partner_records"),
        }


def add_panels(request, panels):
    if may_record_payments(request.user):
        panels.append(OverduePaymentsPanel())
    if may_see_partner_records(request.user):
        panels.append(PartnerRecordsPanel())
