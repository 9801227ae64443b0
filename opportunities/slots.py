"""This app's parts of other apps' pages, rendered into their slots: the
partner profile, the partner directory's cards and the home page.

``home`` and ``partners`` never import this app; they render whatever the
slot hooks registered in wagtail_hooks.py return.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone

from opportunities.models.index import OpportunityIndexPage
from opportunities.models.opportunity import OpportunityPage
from partners.models import PartnerPage

HOME_FEATURED_COUNT = 3
# A profile shows the partner's open opportunities closing soonest, and links to
# the board for the rest: a partner with dozens open keeps a short page.
PARTNER_OPEN_LIMIT = 6
PARTNER_PAST_LIMIT = 10


def live_opportunities():
    return OpportunityPage.objects.shown()


def partner_profile_opportunities(context):
    """The partner's open opportunities, and past ones with what changed."""
    partner = context.get("page")
    if not isinstance(partner, PartnerPage):
        return ""
    now = timezone.now()
    related = (
        live_opportunities()
        .filter(partner=partner)
        .select_related("partner", "area", "rung")
        .prefetch_related("access_support", "sessions")
    )
    open_now = related.open(now)
    open_ones = list(open_now.order_by("closes_at")[:PARTNER_OPEN_LIMIT])
    open_count = open_now.count()
    past = list(related.filter(closes_at__lte=now).order_by("-closes_at")[:PARTNER_PAST_LIMIT])
    board = OpportunityIndexPage.objects.live().first()
    return render_to_string(
        "components/opportunities/partner_opportunities.html",
        {
            "partner": partner,
            "open_ones": open_ones,
            "open_count": open_count,
            "past": past,
            "board": board,
        },
        request=context.get("request"),
    )


def open_counts_by_partner(request):
    """Open opportunities per partner, worked out once per request for every card."""
    cached = getattr(request, "_open_opportunities_by_partner", None) if request else None
    if cached is not None:
        return cached
    counts = dict(
        live_opportunities()
        .open()
        .filter(partner__isnull=False)
        .values("partner")
        .annotate(count=Count("pk"))
        .values_list("partner", "count")
    )
    if request is not None:
        request._open_opportunities_by_partner = counts
    return counts


def annotate_open_opportunity_count(partners):
    """Directory cards carry their open-opportunity count from the same query."""
    open_ones = (
        OpportunityPage.objects.published()
        .open()
        .filter(partner=OuterRef("pk"))
        .order_by()
        .values("partner")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return partners.annotate(
        open_opportunity_count=Coalesce(Subquery(open_ones, output_field=IntegerField()), 0)
    )


def partner_card_open_count(context):
    partner = context.get("partner")
    if partner is None:
        return ""
    count = getattr(partner, "open_opportunity_count", None)
    if count is None:
        count = open_counts_by_partner(context.get("request")).get(partner.pk, 0)
    return render_to_string(
        "components/opportunities/partner_card_count.html",
        {"partner": partner, "count": count},
        request=context.get("request"),
    )


def home_featured_opportunities(context):
    """A few open opportunities, soonest closing first, under the home page's heading."""
    home = context.get("page")
    board = OpportunityIndexPage.objects.live().first()
    if board is None:
        return ""
    featured = list(
        live_opportunities()
        .open()
        .filter(places_filled=False)
        .select_related("partner", "area", "rung")
        .prefetch_related("access_support", "sessions")
        .order_by("closes_at")[:HOME_FEATURED_COUNT]
    )
    if not featured:
        return ""
    return render_to_string(
        "components/opportunities/home_featured.html",
        {
            "heading": getattr(home, "featured_heading", "") or "Paid opportunities open now",
            "featured": featured,
            "board": board,
        },
        request=context.get("request"),
    )


def home_hero_board_link(context):
    """A direct link to the open opportunities, in the home page's first screen."""
    board = OpportunityIndexPage.objects.live().first()
    if board is None:
        return ""
    count = live_opportunities().open().count()
    return render_to_string(
        "components/opportunities/home_hero_link.html",
        {"board": board, "count": count},
        request=context.get("request"),
    )
