"""What an opportunity page shows beyond its own fields: its status in words,
who runs it, the schema.org JobPosting that search engines read, and the
template's context."""

from django.utils import timezone

from home.json_ld import json_ld
from home.models import SiteSettings
from opportunities import payment
from opportunities.benefit_notes import yours_first
from opportunities.board.benefits import chosen_benefits
from opportunities.board.listing import ladder_url
from opportunities.choices import FORMATS_FOR_EVERY_AREA, Benefit, Format


class OpportunityPresentation:
    """For OpportunityPage: reads its fields, pay figures and open/closed state."""

    @property
    def status_label(self):
        if not self.is_open:
            return "Closed"
        if self.is_full:
            return "Places filled"
        if self.is_closing_soon:
            return "Closing soon"
        return "Open"

    @property
    def runner_name(self):
        return self.partner.title if self.partner_id and self.partner else ""

    def structured_data(self, request=None, organisation_name=""):
        """schema.org JobPosting data, as a dict."""
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "datePosted": (self.first_published_at or timezone.now()).date().isoformat(),
            "employmentType": "VOLUNTEER" if self.is_volunteering else "TEMPORARY",
            "hiringOrganization": {
                "@type": "Organization",
                "name": self.runner_name or organisation_name,
            },
        }
        if self.closes_at:
            data["validThrough"] = timezone.localtime(self.closes_at).isoformat()
        if self.partner_id and self.partner and self.partner.website:
            data["hiringOrganization"]["sameAs"] = self.partner.website
        if self.format in FORMATS_FOR_EVERY_AREA:
            data["jobLocationType"] = "TELECOMMUTE"
            data["applicantLocationRequirements"] = {"@type": "Country", "name": "United Kingdom"}
        else:
            address = {"@type": "PostalAddress", "addressCountry": "GB"}
            if self.venue:
                address["streetAddress"] = self.venue
            if self.area_id and self.area:
                address["addressRegion"] = self.area.name
            data["jobLocation"] = {"@type": "Place", "address": address}
            if self.format == Format.HYBRID:
                data["jobLocationType"] = "TELECOMMUTE"
        if not self.is_volunteering and self.pay_amount:
            unit_text = {payment.PER_HOUR: "HOUR", payment.PER_DAY: "DAY"}.get(self.pay_unit)
            value = {"@type": "QuantitativeValue", "value": float(self.pay_amount)}
            if unit_text is None and self.pay_figures.hourly_pence is not None:
                unit_text = "HOUR"
                value["value"] = self.pay_figures.hourly_pence / 100
            if unit_text:
                value["unitText"] = unit_text
            data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "GBP", "value": value}
        if self.start_date:
            data["jobStartDate"] = self.start_date.isoformat()
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        site_settings = SiteSettings.load(request_or_site=request)
        chosen = chosen_benefits(request)
        context["chosen_benefits"] = chosen
        context["benefit_choices"] = Benefit.choices
        context["benefit_notes"] = yours_first(self.benefit_notes(), chosen)
        context["topics"] = list(self.topics.all())
        context["access_support"] = list(self.access_support.all())
        parent = self.get_parent()
        context["board_url"] = parent.url if parent else "/"
        context["ladder_url"] = ladder_url()
        context["structured_data"] = json_ld(
            self.structured_data(request, site_settings.organisation_name)
        )
        return context
