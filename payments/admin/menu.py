"""The partners' records in the admin's Reports menu, and an opportunity's
payments button in its page header (with how many are overdue)."""

from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from opportunities.models.opportunity import OpportunityPage
from payments.admin.permissions import may_record_payments, may_see_partner_records
from payments.overdue import overdue_payments


class RecordsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_partner_records(request.user)


def partner_records_menu_item():
    return RecordsMenuItem(
        "Partners' records", reverse("payments_partner_records"), icon_name="tick", order=710
    )


class PaymentsButton(PageMenuItem):
    """'Payments (2 overdue)' on an opportunity's page header, for the Personal data group."""

    def __init__(self, page, overdue, priority):
        label = f"Payments ({overdue} overdue)" if overdue else "Payments"
        query = urlencode({"interest__opportunity": page.pk})
        super().__init__(
            label=label,
            url=f"{reverse('payments:list')}?{query}",
            icon_name="tick",
            priority=priority,
            page=page,
        )

    def is_shown(self, user):
        return may_record_payments(user)


def overdue_button(page, user, view_name, next_url=None):
    page = page.specific_deferred
    if not isinstance(page, OpportunityPage) or not may_record_payments(user):
        return []
    return [PaymentsButton(page, len(overdue_payments(opportunity=page)), priority=60)]
