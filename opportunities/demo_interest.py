"""Demo expressions of interest, so the admin's follow-up screens have something
to show. Every name is invented and every address is on example.org."""

from datetime import timedelta

from django.utils import timezone

from home.models import SiteSettings
from home.private_links import hash_token, new_token
from opportunities.models import ExpressionOfInterest, OpportunityPage

# reference, opportunity slug, name, method, detail, status, days ago, extras
PEOPLE = [
    ("DMB-2K4", "hardship-fund-panel", "Jo Demo", "email", "jo.demo@example.org", "new", 1, {}),
    (
        "DMC-3L5",
        "hardship-fund-panel",
        "Priya Example",
        "phone",
        "07700 900001",
        "contacted",
        6,
        {"safe_to_leave_message": False, "editor_note": "Called Tuesday; rings back Friday."},
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
    ("DMH-7Q9", "benefit-letters-review", "Ray Demo", "phone", "07700 900003", "withdrawn", 4, {}),
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
        token, _ = new_token()
        record = ExpressionOfInterest.objects.create(
            opportunity=page,
            opportunity_title=page.title,
            reference=reference,
            name=name,
            contact_method=method,
            contact_detail=detail,
            safe_to_leave_message=extras.pop("safe_to_leave_message", True),
            consent=True,
            status=status,
            token_hash=hash_token(token),
            token_expires_at=page.closes_at + timedelta(days=retention),
            **extras,
        )
        ExpressionOfInterest.objects.filter(pk=record.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
        made += 1
    stdout.write(f"Demo expressions of interest ready ({made} new).")
