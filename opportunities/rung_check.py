"""Editors: a warning, never a block, when an opportunity claims more say than
its partner's own latest published ladder result.

A published rung is the partner's public claim about its practice, approved
by a Moderator; an opportunity claiming a higher rung may be right (one
project can do better than the organisation), so editors are asked to check,
not stopped. Nothing here is shown to the public.
"""

from ladder.models import Publication


def latest_published(partner):
    """The partner's newest approved, unrevoked publication, or None."""
    return (
        Publication.objects.shown()
        .filter(invitation__partner=partner)
        .order_by("-decided_at", "-pk")
        .first()
    )


def rung_claim_warning(page):
    """Words naming both rungs when ``page.rung`` is above its partner's latest
    published rung; '' otherwise (no rung, no partner or nothing published)."""
    if not (page.rung_id and page.partner_id):
        return ""
    publication = latest_published(page.partner_id)
    if publication is None or page.rung.level <= publication.rung_level:
        return ""
    return (
        f"This opportunity claims '{page.rung.name}' (rung {page.rung.level}), higher than "
        f"{page.partner.title}'s latest published ladder result, '{publication.rung_name}' "
        f"(rung {publication.rung_level}). You can still publish it; please check the "
        "claim with the partner."
    )
