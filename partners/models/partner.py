"""One partner organisation's public profile page."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from home.blocks import ContentStreamBlock
from home.json_ld import json_ld
from home.page_meta import SHARE_IMAGE_FILTER
from home.site_address import absolute_url
from partners.choices import PROFILE_LOGO_FILTER, PartnerKind


def looks_like_a_file_name(text, image):
    """True when alt text is a file name ("logo.png") or the image's own file name."""
    if re.search(r"\.(avif|gif|jpe?g|png|svg|webp)$", text, re.IGNORECASE):
        return True
    file_name = image.file.name.rsplit("/", 1)[-1] if image and image.file else ""
    stem = file_name.rsplit(".", 1)[0]
    return bool(stem) and text.lower() in {file_name.lower(), stem.lower()}


class PartnerPage(Page):
    """One partner organisation's public profile."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The organisation's logo. A picture with a plain background works best.",
    )
    logo_alt_text = models.CharField(
        "logo description",
        max_length=200,
        blank=True,
        help_text=(
            "Needed when there is a logo: what it says or shows, for people who cannot see it, "
            "for example 'Northfield Council logo'."
        ),
    )
    summary = models.TextField(
        max_length=300,
        help_text=(
            "One or two plain sentences about what the organisation does. "
            "Shown on its card in the directory."
        ),
    )
    kind = models.CharField(
        "kind of organisation",
        max_length=20,
        choices=PartnerKind.choices,
        default=PartnerKind.OTHER,
        help_text="Pick the closest. People can filter the directory by this.",
    )
    sector = models.ForeignKey(
        "home.Sector",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
        help_text="The main field they work in. Manage the list under 'Lists and categories'.",
    )
    areas = ParentalManyToManyField(
        "home.Area",
        blank=True,
        related_name="partners",
        verbose_name="areas served",
        help_text="Where their services or work reach. Pick as many as apply.",
    )
    working_with_us_since = models.PositiveSmallIntegerField(
        "working with us since",
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text="The year we started working together, for example 2021.",
    )
    website = models.URLField(
        blank=True, help_text="Their website's address, starting with https://."
    )
    contact_email = models.EmailField(
        "public contact email",
        blank=True,
        help_text=(
            "Optional. Shown to everyone, so use a team inbox, never a person's own address."
        ),
    )
    contact_phone = models.CharField(
        "public contact phone",
        max_length=40,
        blank=True,
        help_text="Optional. A team number shown to everyone.",
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text="More about the organisation and the work we do together.",
    )
    commitment = RichTextField(
        "our commitment to co-production",
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=(
            "What this partner has promised to do to share power with people with lived "
            "experience, in their words or ours."
        ),
    )
    quote = models.TextField(
        "quote from someone with lived experience",
        blank=True,
        help_text=(
            "Optional. What someone with lived experience says about working with them, "
            "without quotation marks. Ask their permission first."
        ),
    )
    quote_attribution = models.CharField(
        "who said it",
        max_length=120,
        blank=True,
        help_text="As they want to be named: a first name, a role, or 'Community member'.",
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("commitment"),
        index.AutocompleteField("title"),
        index.FilterField("kind"),
        # So "health" or "Merseyside" finds the partners in that sector or area.
        index.RelatedFields("sector", [index.SearchField("name")]),
        index.RelatedFields("areas", [index.SearchField("name")]),
    ]

    content_panels = [
        TitleFieldPanel(
            "title",
            heading="Organisation name",
            placeholder="Organisation name*",
            help_text="The organisation's name as people know it, for example 'Castlebrook Council'.",
        ),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("logo"), FieldPanel("logo_alt_text")],
            heading="Logo",
        ),
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("sector"),
                FieldPanel("areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("working_with_us_since"),
            ],
            heading="About the organisation",
        ),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading="Website and public contact",
        ),
        FieldPanel("commitment"),
        MultiFieldPanel(
            [FieldPanel("quote"), FieldPanel("quote_attribution")],
            heading="In their own words",
        ),
        FieldPanel("body"),
    ]

    template = "pages/partners/partner_page.html"

    class Meta:
        verbose_name = "partner"
        indexes = [
            models.Index(fields=["kind"], name="partner_kind"),  # the directory's filter
            # Search joins index entries on the id as text: a word's matches find their rows.
            models.Index(
                Cast("page_ptr", models.CharField(max_length=50)), name="partner_search_key"
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        alt_text = self.logo_alt_text.strip()
        if self.logo_id and not alt_text:
            errors["logo_alt_text"] = "Describe the logo for people who cannot see it."
        elif self.logo_id and looks_like_a_file_name(alt_text, self.logo):
            errors["logo_alt_text"] = (
                "This looks like the file's name. Say what the logo says or shows instead."
            )
        this_year = timezone.localdate().year
        if self.working_with_us_since and self.working_with_us_since > this_year:
            errors["working_with_us_since"] = f"Give a year no later than {this_year}."
        if self.quote_attribution and not self.quote.strip():
            errors["quote"] = "Add the quote, or clear 'who said it'."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # The search index is updated from the post_save signal, before the
        # cluster writes the areas; index again now they are written (as
        # OpportunityPage does), so searching an area's name finds the partner.
        insert_or_update_object_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )
        return result

    def share_card_text(self):
        """The words on its share card (home/share_cards.py): name and summary."""
        return self.title, [self.summary] if self.summary else []

    def share_image_url(self):
        """(absolute URL, alternative text) of the logo a shared link shows (home/page_meta.py)."""
        if not self.logo:
            return None
        rendition = self.logo.get_rendition(SHARE_IMAGE_FILTER)
        return absolute_url(rendition.url), self.logo_alt_text

    def structured_data(self, request=None, areas=None):
        """schema.org Organization data for search engines, as a dict."""
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "description": self.summary,
            "url": self.website or self.get_full_url(request),
            "mainEntityOfPage": self.get_full_url(request),
        }
        if self.website:
            data["sameAs"] = [self.website]
        if self.logo:
            rendition = self.logo.get_rendition(PROFILE_LOGO_FILTER)
            data["logo"] = absolute_url(rendition.url)
        if self.contact_email:
            data["email"] = self.contact_email
        if self.contact_phone:
            data["telephone"] = self.contact_phone
        if areas is None:
            areas = list(self.areas.all())
        if areas:
            data["areaServed"] = [{"@type": "Place", "name": area.name} for area in areas]
        if self.sector:
            data["knowsAbout"] = self.sector.name
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partner"] = self
        context["areas"] = areas = list(self.areas.all())
        context["structured_data"] = json_ld(self.structured_data(request, areas))
        return context
