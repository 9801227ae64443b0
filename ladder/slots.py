"""What the ladder renders into other pages: the published rung on a partner's
profile and directory card, the directory's rung filter, and the ladder page's
count of partners on each rung. ``ladder.wagtail_hooks`` registers these with
the partners app's slots and directory hooks (partners never imports ladder).

Only approved publications of live invitations ever appear
(``Publication.objects.shown()``), and none at all when the site setting
``show_partner_rungs`` is off. Self-assessments taken without an invitation
never reach any of these functions.
"""

from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.template.loader import render_to_string

from home.models import SiteSettings
from ladder.invitations.services import (
    current_publication,
    published_history,
    shown_publications,
)
from ladder.models.pages import LadderPage
from ladder.models.publications import Publication
from ladder.models.rungs import Rung
from partners.directory import DirectoryFilter
from partners.models import PartnerPage


def rungs_shown(request=None):
    return SiteSettings.load(request_or_site=request).show_partner_rungs


def partner_profile_rung(context):
    """The partner's published rung, its date and scope, and its published history, or nothing."""
    partner = context.get("page")
    if not isinstance(partner, PartnerPage):
        return ""
    request = context.get("request")
    publication = current_publication(partner, request)
    history = published_history(partner, request)
    if publication is None and not history:
        return ""
    return render_to_string(
        "components/ladder/partner_rung.html",
        {
            "publication": publication,
            "invitation": publication.invitation if publication else None,
            # Worth a list only when it says more than the current rung does.
            "history": history if len(history) > (1 if publication else 0) else [],
            "ladder_page": LadderPage.objects.live().public().first(),
        },
        request=request,
    )


def published_for_partner():
    """Shown publications of the partner in the outer query, newest approval first."""
    return (
        Publication.objects.shown()
        .filter(invitation__partner=OuterRef("pk"))
        .order_by("-decided_at")
    )


def annotate_published_rung(partners):
    """Directory cards carry their published rung from the same query."""
    if not rungs_shown():
        return partners
    newest = published_for_partner()
    return partners.annotate(
        published_rung_level=Subquery(newest.values("rung_level")[:1], output_field=IntegerField()),
        published_rung_name=Subquery(newest.values("rung_name")[:1]),
    )


def partner_card_rung(context):
    partner = context.get("partner")
    level = getattr(partner, "published_rung_level", None)
    if level is None:
        return ""
    return render_to_string(
        "components/ladder/partner_card_rung.html",
        {"level": level, "name": partner.published_rung_name},
    )


def rung_directory_filter():
    """ "Ladder rung" on the partner directory: partners whose published rung it is."""
    if not rungs_shown():
        return None

    def narrow(partners, value):
        return partners.filter(
            pk__in=Publication.objects.shown()
            .filter(rung_level=int(value))
            .values("invitation__partner_id")
        )

    return DirectoryFilter(
        name="rung",
        label="Ladder rung",
        choices=lambda: [
            (str(level), f"Rung {level}: {name}")
            for level, name in Rung.objects.live().values_list("level", "name")
        ],
        narrow=narrow,
        hint="Only partners who asked us to publish an invited assessment have a rung.",
    )


def network_standing():
    """How many partners stand on each rung, from published rungs only."""
    counts = dict(
        shown_publications()
        .filter(invitation__partner__live=True)
        .values("rung_id")
        .annotate(partners=Count("invitation__partner", distinct=True))
        .values_list("rung_id", "partners")
    )
    rungs = list(Rung.objects.live())
    rows = [{"rung": rung, "count": counts.get(rung.pk, 0)} for rung in reversed(rungs)]
    return {"rows": rows, "total": sum(counts.values())}
