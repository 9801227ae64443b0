"""Demo expressions of interest, so the admin's follow-up screens have something
to show. Every name is invented and every address is on example.org."""

from datetime import timedelta

from django.utils import timezone

from home.models import SiteSettings
from opportunities.models import ExpressionOfInterest, OpportunityPage
from privacy.contact_wishes.channels import DETAIL_FIELD

# reference, opportunity slug, name, channel, detail, status, days ago, extras ("safe":
# whether it is safe if someone else sees our messages; True unless given)
PEOPLE = [
    ("DMB-2K4", "hardship-fund-panel", "Jo Demo", "email", "jo.demo@example.org", "new", 1, {}),
    (
        "DMC-3L5",
        "hardship-fund-panel",
        "Priya Example",
        "call",
        "07700 900001",
        "contacted",
        6,
        {"safe": False, "editor_note": "Called Tuesday; rings back Friday."},
    ),
    (
        "DMD-4M6",
        "hardship-fund-panel",
        "Lee Sample",
        "text",
        "07700 900002",
        "selected",
        9,
        {"access_needs": "Step-free access", "access_needs_consent": True},
    ),
    (
        "DMF-5N7",
        "crisis-care-redesign",
        "Sam Placeholder",
        "email",
        "sam.placeholder@example.org",
        "new",
        8,
        {"wants_outcome": True},
    ),
    (
        "DMG-6P8",
        "crisis-care-redesign",
        "Alex Fictional",
        "email",
        "alex.fictional@example.org",
        "not_selected",
        12,
        {"on_behalf_of": True, "on_behalf_of_name": "Chris Fictional"},
    ),
    ("DMH-7Q9", "benefit-letters-review", "Ray Demo", "call", "07700 900003", "withdrawn", 4, {}),
]


def load(stdout):
    retention = SiteSettings.load().retention_days
    made = 0
    for reference, slug, name, method, detail, status, days_ago, demo_extras in PEOPLE:
        extras = dict(demo_extras)
        if ExpressionOfInterest.objects.filter(reference=reference).exists():
            continue
        page = OpportunityPage.objects.filter(slug=slug).first()
        if page is None:
            continue
        record = ExpressionOfInterest(
            opportunity=page,
            opportunity_title=page.title,
            reference=reference,
            name=name,
            consent=True,
            status=status,
            token_expires_at=page.closes_at + timedelta(days=retention),
            **{DETAIL_FIELD[method]: detail, f"{method}_ok": True},
            **{f"{method}_safe": extras.pop("safe", True)},
            **extras,
        )
        record.issue_link()
        record.save()
        ExpressionOfInterest.objects.filter(pk=record.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
        made += 1
    stdout.write(f"Demo expressions of interest ready ({made} new).")
