"""Build a throwaway benchmark database: the demo site, grown to SIZE opportunities.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/build_database.py 10000

Migrates, loads the demo content, then adds through a fast bulk path, in one
transaction: 40 topics, 30 areas, 300 partners, SIZE opportunities (a tenth
of them open, each with two topics), 5,000 submitted self-assessments and
20,000 expressions of interest. Each row holds what saving it in the admin
would store (paths and URL paths in the page tree, pay figures worked out by
the model's own rule, contact keys), except the revisions and search index
entries, which no page the benchmark visits reads. Prints the addresses the
benchmark visits as JSON on its last line.
"""

import json
import os
import random
import sys
import uuid
from datetime import timedelta
from decimal import Decimal
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOPICS, AREAS, PARTNERS = 40, 30, 300
ASSESSMENTS, INTERESTS = 5_000, 20_000
OPEN_SHARE = 10  # one in ten opportunities is open
GROWN_TABLES = ("opportunities_opportunitypage", "partners_partnerpage")
# Statistics go to the tables that grew and to the one-row self-assessment
# page table: without its own, SQLite takes it for as large as the page tree
# and reads every page to find the ladder page's one child (33 ms at 100,000).
STATISTICS_TABLES = (*GROWN_TABLES, "ladder_selfassessmentpage")


def insert_pages(parent, pages):
    """Add ``pages`` (unsaved, specific) as the last children of ``parent``:
    the page tree's rows with bulk_create, the page type's own rows in one
    executemany (Django cannot bulk-create a multi-table child)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale, Page

    if not pages:
        return
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    parent = Page.objects.get(pk=parent.pk)
    now = parent.last_published_at
    for number, page in enumerate(pages, start=parent.numchild + 1):
        page.depth = parent.depth + 1
        page.path = Page._get_path(parent.path, page.depth, number)
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale = locale
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.first_published_at = page.last_published_at = now
    created = Page.objects.bulk_create([Page(**base_fields(page)) for page in pages])
    for page, row in zip(pages, created, strict=True):
        page.page_ptr_id = page.pk = page.id = row.pk
    fields = model._meta.local_concrete_fields
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608 (names from the model)
            [
                [
                    field.get_db_prep_save(getattr(page, field.attname), connection)
                    for field in fields
                ]
                for page in pages
            ],
        )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))


def base_fields(page):
    from wagtail.models import Page

    return {
        field.attname: getattr(page, field.attname)
        for field in Page._meta.concrete_fields
        if field.attname != "id"
    }


def build(size):
    from django.utils import timezone

    from home.models import AccessSupport, Area, Topic
    from home.private_links import new_reference
    from ladder.models import QuestionnaireVersion, Rung, SelfAssessment
    from opportunities.models import OpportunityIndexPage, OpportunityPage
    from opportunities.models.interest import ExpressionOfInterest, wishes_key
    from partners.models import PartnerIndexPage, PartnerPage

    rng = random.Random(15)
    now = timezone.now()
    topics = Topic.objects.bulk_create(
        [Topic(name=f"Bench topic {n}", slug=f"bench-topic-{n}") for n in range(TOPICS)]
    )
    areas = Area.objects.bulk_create(
        [Area(name=f"Bench area {n}", slug=f"bench-area-{n}") for n in range(AREAS)]
    )
    rungs = list(Rung.objects.all())

    directory = PartnerIndexPage.objects.get()
    partners = [
        PartnerPage(
            title=f"Bench partner {n}",
            slug=f"bench-partner-{n}",
            kind=rng.choice(["charity", "nhs", "council", "university"]),
            summary="A partner made for the benchmark.",
        )
        for n in range(PARTNERS)
    ]
    insert_pages(directory, partners)
    through = PartnerPage.areas.through
    through.objects.bulk_create(
        [through(partnerpage_id=partner.pk, area_id=rng.choice(areas).pk) for partner in partners]
    )

    board = OpportunityIndexPage.objects.get()
    existing = OpportunityPage.objects.count()
    opportunities = []
    for n in range(max(0, size - existing)):
        opens = n % OPEN_SHARE == 0
        page = OpportunityPage(
            title=f"Bench opportunity {n}",
            slug=f"bench-opportunity-{n}",
            summary="Help us improve a service, paid for every hour.",
            lived_experience_sought="People who have used the service.",
            partner_id=rng.choice(partners).pk,
            rung_id=rng.choice(rungs).pk if rungs else None,
            format=rng.choice(["in_person", "online", "hybrid"]),
            area_id=rng.choice(areas).pk,
            closes_at=now + timedelta(days=rng.randint(1, 60) if opens else -rng.randint(1, 700)),
            pay_amount=Decimal(rng.choice(["13.50", "15.00", "20.00", "25.00"])),
            pay_unit="hour",
            hours_per_session=Decimal("2"),
            number_of_sessions=rng.randint(1, 6),
        )
        page.store_pay_figures()
        page.work_out_full()
        page.live_copy = True  # as save() copies it: insert_pages publishes every page
        page.parent_copy_id = board.pk  # as save() copies it
        opportunities.append(page)
    for start in range(0, len(opportunities), 5_000):
        insert_pages(board, opportunities[start : start + 5_000])
    tagged = OpportunityPage.topics.through
    tagged.objects.bulk_create(
        [
            tagged(opportunitypage_id=page.pk, topic_id=topic.pk)
            for page in opportunities
            for topic in rng.sample(topics, 2)
        ],
        batch_size=5_000,
    )
    support = list(AccessSupport.objects.all())
    if support:
        helped = OpportunityPage.access_support.through
        helped.objects.bulk_create(
            [
                helped(opportunitypage_id=page.pk, accesssupport_id=rng.choice(support).pk)
                for page in opportunities[::3]
            ],
            batch_size=5_000,
        )

    version = QuestionnaireVersion.objects.order_by("-pk").first()
    if version is not None:
        SelfAssessment.objects.bulk_create(
            [
                SelfAssessment(
                    token_hash=uuid.uuid4().hex + uuid.uuid4().hex,
                    version=version,
                    status="submitted",
                    organisation_name=f"Bench organisation {n % 400}",
                    submitted_at=now - timedelta(days=n % 700),
                )
                for n in range(ASSESSMENTS)
            ],
            batch_size=2_000,
        )

    interests = []
    # 20,000 draws from 28^6 references collide about four times in ten; the form
    # draws again when one is taken, and so does this.
    references = set()
    while len(references) < INTERESTS:
        references.add(new_reference())
    references = sorted(references)
    for n in range(INTERESTS):
        opportunity = opportunities[n % len(opportunities)] if opportunities else None
        if opportunity is None:
            break
        record = ExpressionOfInterest(
            opportunity_id=opportunity.pk,
            reference=references[n],
            opportunity_title=opportunity.title,
            name=f"Bench person {n}",
            contact_email=f"person{n}@example.org",
            email_ok=True,
            consent=True,
        )
        record.contact_key = wishes_key(record)
        record.issue_link()
        record.token_expires_at = now + timedelta(days=90)
        interests.append(record)
    ExpressionOfInterest.objects.bulk_create(interests, batch_size=2_000)

    live = OpportunityPage.objects.live()
    sample = live.filter(closes_at__gt=now).order_by("closes_at").first()
    partner = PartnerPage.objects.live().filter(slug="bench-partner-0").first()
    return {
        "opportunity": sample.url if sample else None,
        "partner": partner.url if partner else None,
        "opportunities": live.count(),
        "open": live.filter(closes_at__gt=now).count(),
    }


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("MEDIA_ROOT", os.path.join(os.path.dirname(__file__), ".media"))
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-admin", stdout=StringIO())
    with transaction.atomic():
        addresses = build(size)
    # Statistics for the tables that grew, as PostgreSQL's autovacuum gathers them
    # on its own and a SQLite install gets from ANALYZE (README, "Deployment"):
    # without them SQLite reads every page in the tree to find the 300 partners.
    # Not a bare ANALYZE: SQLite keeps no statistics for an empty table (page view
    # restrictions), then takes it for a large one and scans the tree to join it.
    with connection.cursor() as cursor:
        for table in STATISTICS_TABLES:
            cursor.execute(f"ANALYZE {table}")
    print(json.dumps(addresses))


if __name__ == "__main__":
    main()
