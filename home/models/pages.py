"""The home page and the general content pages."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import ContentStreamBlock, LinkBlock


class HomePage(Page):
    """The front page: one per site, at the top of its page tree."""

    hero_heading = models.CharField(
        max_length=120,
        help_text="The big line at the top of the page. Say what the site is for, plainly.",
    )
    hero_text = models.TextField(blank=True, help_text="One or two sentences under the heading.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional picture beside the heading. Its alt text is set on the image itself.",
    )
    hero_link = StreamField(
        [("link", LinkBlock())],
        blank=True,
        max_num=2,
        help_text="Up to two buttons under the heading.",
    )
    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="A short welcome: who we are and how people take part.",
    )
    featured_heading = models.CharField(
        max_length=120,
        default="Paid opportunities open now",
        help_text="The heading above the opportunities featured on this page.",
    )
    body = StreamField(ContentStreamBlock(), blank=True, help_text="The rest of the page.")

    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "partners.PartnerIndexPage",
        "opportunities.OpportunityIndexPage",
        "ladder.LadderPage",
    ]

    search_fields = [*Page.search_fields, index.SearchField("hero_text"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_text"),
                FieldPanel("hero_image"),
                FieldPanel("hero_link"),
            ],
            heading="Top of the page",
        ),
        FieldPanel("introduction"),
        FieldPanel("featured_heading"),
        FieldPanel("body"),
    ]

    template = "pages/home_page.html"

    class Meta:
        verbose_name = "home page"


class StandardPage(Page):
    """A general page: about us, our principles, privacy, accessibility, guides."""

    introduction = models.TextField(
        blank=True,
        help_text="One or two sentences that say what this page is about. Shown in bold.",
    )
    body = StreamField(
        ContentStreamBlock(),
        blank=True,
        help_text=(
            "The page itself. Click + to add a heading, text, a picture, a quote, "
            "a call to action or questions and answers."
        ),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]

    template = "pages/standard_page.html"

    class Meta:
        verbose_name = "standard page"
