"""The partner directory page at /partners/."""

from django.db import models
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.page_cache.policy import accept_queries
from partners.directory.listing import PartnerDirectory
from partners.models.partner import PartnerPage


class PartnerIndexPage(Page):
    """The partner directory at /partners/: every partner, with filters and search."""

    introduction = models.TextField(
        blank=True,
        help_text="One or two sentences at the top of the directory: who our partners are.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [
        TitleFieldPanel(
            "title", help_text="The heading of the directory page, for example 'Our partners'."
        ),
        FieldPanel("introduction"),
    ]

    template = "pages/partners/partner_index_page.html"
    # Filtered and paged views are "noindex, follow" (home/page_meta.py).
    listing_page = True

    class Meta:
        verbose_name = "partner directory"

    def partners(self):
        """The partner profiles a visitor may see here: live, public children."""
        return PartnerPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["directory"] = directory = PartnerDirectory(self, request.GET)
        accept_queries(request, directory.canonical_queries())
        return context
