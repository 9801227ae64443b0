"""Site-wide values editors change without code, in grouped tabs."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from home.blocks import NavigationLinksBlock


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """The organisation's details, contact channels, promises and limits."""

    # Organisation
    organisation_name = models.CharField(
        max_length=120,
        default="Co-pro Network",
        help_text="Your organisation's name, shown at the top and bottom of every page.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown at the top of every page. A wide logo works best.",
    )
    address = models.TextField(blank=True, help_text="Postal address, one line per row.")
    strapline = models.CharField(
        max_length=200,
        blank=True,
        default="Paid participation, led by lived experience.",
        help_text="A short line under the name in the page footer.",
    )

    # Contact channels
    contact_email = models.EmailField(blank=True, help_text="Where people can email you.")
    contact_phone = models.CharField(
        max_length=40, blank=True, help_text="A number people can call."
    )
    text_number = models.CharField(
        max_length=40, blank=True, help_text="A mobile number people can send a text message to."
    )
    opening_hours = models.CharField(
        max_length=200,
        blank=True,
        help_text="When someone answers, for example 'Monday to Friday, 10am to 4pm'.",
    )

    # Notifications and replies
    notification_email = models.EmailField(
        blank=True,
        help_text=(
            "The team inbox told about new expressions of interest and assessments. "
            "These emails carry only a link, never personal details."
        ),
    )
    reply_time_working_days = models.PositiveSmallIntegerField(
        default=5,
        validators=[MinValueValidator(1)],
        help_text="We promise to reply within this many working days. Shown to people.",
    )

    # Data and privacy
    retention_days = models.PositiveIntegerField(
        "keep personal data for (days)",
        default=180,
        validators=[MinValueValidator(1)],
        help_text=(
            "People's details are deleted this many days after the opportunity closes. "
            "Told to people before they send anything."
        ),
    )

    # Benefits and pay
    benefits_advice_url = models.URLField(
        "benefits advice link",
        default="https://www.citizensadvice.org.uk/benefits/",
        help_text="Where the site sends people for real benefits advice.",
    )
    real_living_wage_hourly = models.DecimalField(
        "real Living Wage per hour (£)",
        max_digits=6,
        decimal_places=2,
        default=Decimal("13.45"),
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=(
            "The Living Wage Foundation's UK rate (£13.45 from October 2025). "
            "Opportunities paying less get a warning. Update it each autumn."
        ),
    )

    # Feature switches
    expressions_of_interest_open = models.BooleanField(
        "take expressions of interest",
        default=True,
        help_text="Untick to pause the interest form on every opportunity.",
    )
    self_assessment_open = models.BooleanField(
        "self-assessment open",
        default=True,
        help_text="Untick to pause new Ladder self-assessments.",
    )
    show_partner_rungs = models.BooleanField(
        "show approved ladder rungs on partner profiles",
        default=True,
        help_text="Untick to hide every published rung from partner profiles.",
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("organisation_name"),
                    FieldPanel("strapline"),
                    FieldPanel("logo"),
                    FieldPanel("address"),
                ],
                heading="Organisation",
            ),
            ObjectList(
                [
                    HelpPanel(
                        content="<p>Shown beside forms so people can choose how to get in touch.</p>"
                    ),
                    FieldPanel("contact_email"),
                    FieldPanel("contact_phone"),
                    FieldPanel("text_number"),
                    FieldPanel("opening_hours"),
                ],
                heading="Contact",
            ),
            ObjectList(
                [FieldPanel("notification_email"), FieldPanel("reply_time_working_days")],
                heading="Notifications and replies",
            ),
            ObjectList([FieldPanel("retention_days")], heading="Data and privacy"),
            ObjectList(
                [FieldPanel("benefits_advice_url"), FieldPanel("real_living_wage_hourly")],
                heading="Benefits and pay",
            ),
            ObjectList(
                [
                    MultiFieldPanel(
                        [
                            FieldPanel("expressions_of_interest_open"),
                            FieldPanel("self_assessment_open"),
                            FieldPanel("show_partner_rungs"),
                        ],
                        heading="Switch parts of the site on or off",
                    )
                ],
                heading="Features",
            ),
        ]
    )

    class Meta:
        verbose_name = "site settings"

    def __str__(self):
        return "Site settings"


@register_setting(icon="list-ul")
class NavigationSettings(BaseGenericSetting):
    """The main menu and the footer links, in the order editors set."""

    main_menu = StreamField(
        NavigationLinksBlock(),
        blank=True,
        help_text="The links across the top of every page. Five or fewer read best on a phone.",
    )
    footer_links = StreamField(
        NavigationLinksBlock(),
        blank=True,
        help_text="Links at the bottom of every page, such as privacy and accessibility.",
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_links")]

    class Meta:
        verbose_name = "navigation"

    def __str__(self):
        return "Navigation"
