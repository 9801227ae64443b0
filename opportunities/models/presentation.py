"""What an opportunity page shows beyond its own fields: its status in words,
who runs it, the schema.org JobPosting that search engines read, and the
template's context."""

from django.utils import timezone
from django.utils.html import format_html

from home.json_ld import json_ld
from home.models import SiteSettings
from home.site_address import absolute_url, site_url
from opportunities import payment
from opportunities.benefit_notes import yours_first
from opportunities.board.benefits import chosen_benefits
from opportunities.board.listing import ladder_url
from opportunities.choices import FORMATS_FOR_EVERY_AREA, Benefit, Format

# The organisation's logo in structured data, when no partner runs it.
LOGO_FILTER = "max-600x600"


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

    def share_card_text(self):
        """The words on its share card (home/share_cards.py): title, pay, closing date."""
        lines = [self.pay_summary]
        if self.closes_at:
            lines.append(f"Closes {timezone.localtime(self.closes_at):%-d %B %Y}")
        if self.runner_name:
            lines.append(f"With {self.runner_name}")
        return self.title, lines

    def share_image_url(self):
        """The runner's logo for a shared link (home/page_meta.py), else the site's own."""
        if self.partner_id and self.partner:
            return self.partner.specific.share_image_url()
        return None

    def structured_data(self, request=None, site_settings=None):
        """schema.org JobPosting data, as a dict (Google's JobPosting properties).

        Every address is on the site's address (home/site_address.py).
        """
        organisation_name = site_settings.organisation_name if site_settings else ""
        posted = self.first_published_at or timezone.now()
        data = {
            "@context": "https://schema.org",
            "@type": "JobPosting",
            "title": self.title,
            "description": self.description_html(),
            "url": self.get_full_url(request),
            "identifier": {
                "@type": "PropertyValue",
                "name": organisation_name,
                "value": f"opportunity-{self.pk}",
            },
            "datePosted": timezone.localtime(posted).date().isoformat(),
            "employmentType": "VOLUNTEER" if self.is_volunteering else "TEMPORARY",
            # People say they are interested on this page itself.
            "directApply": self.accepts_interest,
            "hiringOrganization": self.hiring_organization(site_settings),
        }
        if self.closes_at:
            data["validThrough"] = timezone.localtime(self.closes_at).isoformat()
        if self.format in FORMATS_FOR_EVERY_AREA:
            data["jobLocationType"] = "TELECOMMUTE"
            data["applicantLocationRequirements"] = {"@type": "Country", "name": "United Kingdom"}
        else:
            address = self.postal_address()
            if self.area_id and self.area:
                address["addressRegion"] = self.area.name
            data["jobLocation"] = {"@type": "Place", "address": address}
            if self.format == Format.HYBRID:
                data["jobLocationType"] = "TELECOMMUTE"
        pay = self.pay_for_search_engines()
        if pay:
            value, unit_text = pay
            data["baseSalary"] = {
                "@type": "MonetaryAmount",
                "currency": "GBP",
                "value": {"@type": "QuantitativeValue", "value": value, "unitText": unit_text},
            }
        if self.start_date:
            data["jobStartDate"] = self.start_date.isoformat()
        return data

    def description_html(self):
        """The whole description, as HTML: summary, who it is for, the body and the pay."""
        parts = [format_html("<p>{}</p>", self.summary)]
        if self.lived_experience_sought:
            parts.append(
                format_html("<p>Who we are looking for: {}</p>", self.lived_experience_sought)
            )
        parts.append(self.body.render_as_block())
        parts.append(format_html("<p>Pay: {}</p>", self.pay_summary))
        return "".join(str(part) for part in parts)

    def hiring_organization(self, site_settings=None):
        """The partner who runs it, else the organisation, with a logo where there is one."""
        organisation = {"@type": "Organization"}
        partner = self.partner.specific if self.partner_id and self.partner else None
        if partner:
            organisation["name"] = partner.title
            if partner.website:
                organisation["sameAs"] = partner.website
            logo = partner.share_image_url()
        else:
            organisation["name"] = site_settings.organisation_name if site_settings else ""
            organisation["url"] = site_url() + "/"
            logo = None
            if site_settings and site_settings.logo_id:
                rendition = site_settings.logo.get_rendition(LOGO_FILTER)
                logo = (absolute_url(rendition.url), "")
        if logo:
            organisation["logo"] = logo[0]
        return organisation

    def pay_for_search_engines(self):
        """(amount, unitText) with a unit search engines know (HOUR, DAY, WEEK), or None.

        Pay per hour or per day is given as it is; per session or a fixed fee
        as the hourly equivalent where the hours are known. Otherwise a
        session is taken as a day's work, and a fixed fee is spread over the
        weeks the work spans (one, when nothing says how long).
        """
        if self.is_volunteering or not self.pay_amount:
            return None
        figures = self.pay_figures
        if self.pay_unit == payment.PER_HOUR:
            return float(self.pay_amount), "HOUR"
        if self.pay_unit == payment.PER_DAY:
            return float(self.pay_amount), "DAY"
        if figures.hourly_pence is not None:
            return figures.hourly_pence / 100, "HOUR"
        if self.pay_unit == payment.PER_SESSION:
            return float(self.pay_amount), "DAY"
        total_pounds = (
            figures.total_pence / 100 if figures.total_pence is not None else float(self.pay_amount)
        )
        return round(total_pounds / max(figures.weeks, 1), 2), "WEEK"

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
        context["structured_data"] = json_ld(self.structured_data(request, site_settings))
        return context
