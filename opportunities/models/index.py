"""The opportunity board's own page, at /opportunities/."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index

from opportunities.board.benefits import PersonalBenefitNotes
from opportunities.board.routes import BoardRoutes
from opportunities.models.opportunity import OpportunityPage


class OpportunityIndexPage(PersonalBenefitNotes, BoardRoutes, Page):
    """The board at /opportunities/: open opportunities with filters, search and feeds."""

    introduction = models.TextField(
        blank=True,
        help_text="One or two sentences at the top of the board: what these opportunities are.",
    )

    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["opportunities.OpportunityPage"]

    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    template = "pages/opportunities/opportunity_index_page.html"
    # Filtered and paged views are "noindex, follow" (home/page_meta.py).
    listing_page = True

    class Meta:
        verbose_name = "opportunity board"

    def opportunities(self):
        """The opportunities on this board that anyone may see."""
        return OpportunityPage.objects.under(self).shown()
