"""Editors: a warning, not a block, when the pay works out below the real Living Wage."""

from django.contrib import messages

from home.models import SiteSettings
from opportunities.models.opportunity import OpportunityPage


def warn_when_pay_is_below_living_wage(request, page):
    page = page.specific
    if not isinstance(page, OpportunityPage):
        return
    warning = page.living_wage_warning(SiteSettings.load().real_living_wage_hourly)
    if warning:
        messages.warning(request, f"'{page.title}': {warning}")
