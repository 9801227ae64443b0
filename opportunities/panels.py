"""An admin panel that shows editors what the saved pay works out at."""

from django.utils.html import format_html
from wagtail.admin.panels import Panel

from home.models import SiteSettings
from opportunities.rung_check import rung_claim_warning
from privacy.small_numbers import Withheld


class PayCheckPanel(Panel):
    """The hourly equivalent of the page as last saved, and a warning (never a
    block) when it is below the real Living Wage in the site settings."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/panels/help_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.content = self.describe()

        def describe(self):
            page = self.instance
            if page is None or page.pk is None:
                return format_html(
                    '<div class="help-block help-info"><p>{}</p></div>',
                    "After you save, the hourly pay is worked out and checked here.",
                )
            living_wage = SiteSettings.load().real_living_wage_hourly
            warning = page.living_wage_warning(living_wage)
            hourly = page.hourly_pay or "not known"
            summary = f"As last saved: {page.pay_summary}. Hourly equivalent: {hourly}."
            if warning:
                return format_html(
                    '<div class="help-block help-warning"><p>{}</p><p>{}</p></div>',
                    summary,
                    warning,
                )
            return format_html('<div class="help-block help-info"><p>{}</p></div>', summary)


class RungCheckPanel(Panel):
    """A warning (never a block) when the rung, as last saved, is above the
    partner's latest published rung; nothing when it is not."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/panels/help_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            page = self.instance
            warning = rung_claim_warning(page) if page is not None and page.pk else ""
            self.content = (
                format_html('<div class="help-block help-warning"><p>{}</p></div>', warning)
                if warning
                else ""
            )

        def is_shown(self):
            return bool(self.content)


class AlertsToldPanel(Panel):
    """How many people an alert on a saved search told about this opportunity
    (a count only, "fewer than 5 people" from 1 to 4)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "wagtailadmin/panels/help_panel.html"

        def __init__(self, **kwargs):
            # Imported here: the page model imports this module.
            from opportunities.alerts.counts import people_told_about

            super().__init__(**kwargs)
            page = self.instance
            told = people_told_about(page) if page is not None and page.pk else 0
            if not told:
                words = "No alert on a saved search has told anyone about it yet."
            elif isinstance(told, Withheld):
                words = f"Alerts on a saved search told {told} about it."
            else:
                words = f"Alerts on a saved search told {told} people about it."
            self.content = format_html('<div class="help-block help-info"><p>{}</p></div>', words)
