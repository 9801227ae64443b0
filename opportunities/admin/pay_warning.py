"""Editors: warnings, not blocks, after saving: pay below the real Living Wage,
and a rung above the partner's latest published rung."""

from django.contrib import messages

from home.models import SiteSettings
from opportunities.models.opportunity import OpportunityPage
from opportunities.rung_check import rung_claim_warning


def warn_when_pay_is_below_living_wage(request, page):
    page = page.specific
    if not isinstance(page, OpportunityPage):
        return
    warning = page.living_wage_warning(SiteSettings.load().real_living_wage_hourly)
    if warning:
        messages.warning(request, f"'{page.title}': {warning}")


def warn_when_rung_is_above_the_partners(request, page):
    page = page.specific
    if not isinstance(page, OpportunityPage):
        return
    warning = rung_claim_warning(page)
    if warning:
        messages.warning(request, f"'{page.title}': {warning}")
