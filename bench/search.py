"""Time keyword search on the board and the directory at SIZE opportunities.

    .venv/bin/python bench/search.py 10000                      # SQLite, /tmp/bench-search-10000.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search.py 100000                 # PostgreSQL (an empty database)
    .venv/bin/python bench/search.py 10000 --reuse              # time again, no rebuild

Builds the database as ``build_database.py`` does (the demo site grown to SIZE
opportunities through the bulk path), then gives one in ten opportunities,
chosen at random, the word "tenancy" in its summary and one in a thousand the
word "allotment" (neither is in the demo content), and indexes every
opportunity and partner: on SQLite through the search backend's own bulk path
(``add_bulk``, what ``update_index`` does), on PostgreSQL through
``search_index.py``, which writes the same rows much faster and stops the run
if a sample indexed again through the backend's path differs. Then renders
each address below in-process with the page cache off: the number of queries,
the count the page shows beside the count worked out from the data, the median
and p90 of REPEAT renders (default 7) and the time of the queries that read the
search index. Prints a table; asserts nothing about times.
"""

import argparse
import os
import re
import statistics
import sys
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

COMMON, RARE = "tenancy", "allotment"
COMMON_SHARE, RARE_SHARE = 10, 1_000
INDEX_CHUNK = 1_000


def addresses():
    """(label, address, what the count should be: None, or a function of the data)."""
    return [
        ("board, no search", "/opportunities/", None),
        ("board ?q=housing", "/opportunities/?q=housing", None),
        (f"board ?q={COMMON} (10%, open)", f"/opportunities/?q={COMMON}", (COMMON, True)),
        (
            f"board ?q={COMMON}, closed too (10%)",
            f"/opportunities/?q={COMMON}&show_closed=on",
            (COMMON, False),
        ),
        (
            f"board ?q={COMMON}, closed too, by pay",
            f"/opportunities/?q={COMMON}&show_closed=on&sort=pay",
            (COMMON, False),
        ),
        (
            f"board ?q={COMMON} + 2 filters, page 3",
            f"/opportunities/?q={COMMON}&show_closed=on&format=online&area=bench-area-3&page=3",
            None,
        ),
        (
            f"board ?q={RARE} (0.1%), closed too",
            f"/opportunities/?q={RARE}&show_closed=on",
            (RARE, False),
        ),
        ("board ?q=wheelchair (synonym)", "/opportunities/?q=wheelchair&show_closed=on", None),
        ("board ?q=manchster (typo)", "/opportunities/?q=manchster", None),
        ("directory ?q=bench", "/partners/?q=bench", None),
    ]


def mark_words(size):
    """Give a random tenth of the opportunities the common word, a thousandth the rare one."""
    import random

    from opportunities.models import OpportunityPage

    rng = random.Random(16)
    ids = list(
        OpportunityPage.objects.filter(slug__startswith="bench-").values_list("pk", flat=True)
    )
    common = rng.sample(ids, len(ids) // COMMON_SHARE)
    rare = rng.sample(ids, max(1, len(ids) // RARE_SHARE))
    for chosen, summary in [
        (common, f"Help us improve a service about {COMMON}, paid for every hour."),
        (rare, f"Help us plan the {RARE} project, paid for every hour."),
    ]:
        for start in range(0, len(chosen), 5_000):
            OpportunityPage.objects.filter(pk__in=chosen[start : start + 5_000]).update(
                summary=summary
            )


def index_everything():
    """What ``update_index`` does for the two page types, in chunks with what each
    page's index entry reads fetched with it."""
    from wagtail.search.backends import get_search_backend

    from opportunities.models import OpportunityPage
    from partners.models import PartnerPage

    backend = get_search_backend()
    for model, related, prefetched in [
        (PartnerPage, ["sector"], ["areas"]),
        (OpportunityPage, ["partner", "area"], ["topics", "access_support", "sessions"]),
    ]:
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), INDEX_CHUNK):
            chunk = (
                model.objects.filter(pk__in=ids[start : start + INDEX_CHUNK])
                .select_related(*related)
                .prefetch_related(*prefetched)
            )
            backend.add_bulk(model, list(chunk))


def expected_count(word, open_only):
    from django.utils import timezone

    from opportunities.models import OpportunityPage

    found = OpportunityPage.objects.live().filter(summary__icontains=word)
    if open_only:
        found = found.filter(closes_at__gt=timezone.now())
    return found.count()


def shown_count(html):
    """The count in the results heading ("1,234 open opportunities found")."""
    match = re.search(r'class="(?:opportunity|partner)-results__count"[^>]*>\s*([\d,]+)', html)
    return int(match.group(1).replace(",", "")) if match else None


def measure(repeat):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    client = Client()
    rows = []
    for label, path, expectation in addresses():
        client.get(path)  # per-process caches
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        query_count = len(queries)
        # The search's own queries: the ones that read the search index.
        search_ms = 1000 * sum(
            float(query["time"])
            for query in queries.captured_queries
            if "wagtailsearch_" in query["sql"]
        )
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        shown = shown_count(response.content.decode())
        expected = expected_count(*expectation) if expectation else None
        rows.append(
            {
                "label": label,
                "status": response.status_code,
                "queries": query_count,
                "search_ms": search_ms,
                "shown": shown,
                "expected": expected,
                "median": statistics.median(timings),
                "p90": timings[max(0, int(len(timings) * 0.9) - 1)],
            }
        )
    return rows


def print_table(rows, size, vendor, build_seconds, index_seconds):
    print(
        f"\n{size:,} opportunities on {vendor}; built in {build_seconds:.0f} s, indexed in {index_seconds:.0f} s"
    )
    print(
        "| page | status | queries | count shown | count from the data | median ms | p90 ms "
        "| search SQL ms |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        expected = "" if row["expected"] is None else f"{row['expected']:,}"
        shown = "" if row["shown"] is None else f"{row['shown']:,}"
        print(
            f"| {row['label']} | {row['status']} | {row['queries']} | {shown} | {expected} "
            f"| {row['median']:.0f} | {row['p90']:.0f} | {row['search_ms']:.0f} |"
        )
    base = next(row["median"] for row in rows if row["label"] == "board, no search")
    housing = next(row["median"] for row in rows if row["label"] == "board ?q=housing")
    print(f"\n?q=housing takes {housing / base:.2f}× the unfiltered listing's time in this run.")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("size", type=int, nargs="?", default=10_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="time the database already built")
    options = parser.parse_args()

    os.environ.setdefault("DATABASE_URL", f"sqlite:////tmp/bench-search-{options.size}.sqlite3")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    os.environ.setdefault("MEDIA_ROOT", os.path.join(os.path.dirname(__file__), ".media"))
    url = os.environ["DATABASE_URL"]
    if url.startswith("sqlite:///") and not options.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from bench import search_index
    from bench.build_database import STATISTICS_TABLES, build
    from opportunities.models import OpportunityPage

    build_seconds = index_seconds = 0.0
    if not options.reuse:
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        if OpportunityPage.objects.exists():
            sys.exit(
                "The database is not empty: give an empty one, or --reuse to time it as it is."
            )
        call_command("load_demo_content", "--no-admin", stdout=StringIO())
        with transaction.atomic():
            build(options.size)
            mark_words(options.size)
        build_seconds = time.perf_counter() - started
        started = time.perf_counter()
        with transaction.atomic():
            if connection.vendor == "postgresql":
                search_index.build_index()
            else:
                index_everything()
        index_seconds = time.perf_counter() - started
        if connection.vendor == "postgresql":
            with transaction.atomic():
                differences = search_index.check_sample()
            if differences:
                sys.exit("The fast index differs from the backend's:\n" + "\n".join(differences))
            print("The fast index's rows match the backend's own for a sample of 200 of each.")
        # Statistics for the tables that grew, as the README asks of a grown
        # SQLite install (and autovacuum does on PostgreSQL): without the search
        # index's, SQLite matches the full-text index once per index entry, and
        # without the page tree's PostgreSQL expects one page under the board
        # and looks each one's index entry up in turn. On PostgreSQL a VACUUM
        # too (autovacuum's job), which moves the entries added since the GIN
        # indexes were made from their pending list into the index proper.
        # On PostgreSQL every table, as autovacuum would: without them for
        # the opportunities' topics PostgreSQL expected 13,000 rows for one
        # page of cards and fetched their topics with parallel workers (5 to
        # 10 ms instead of 0.2).
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("ANALYZE")
                cursor.execute("VACUUM ANALYZE wagtailsearch_indexentry")
            else:
                for table in [*STATISTICS_TABLES, "wagtailcore_page", "wagtailsearch_indexentry"]:
                    cursor.execute(f"ANALYZE {table}")
    rows = measure(options.repeat)
    print_table(
        rows, OpportunityPage.objects.count(), connection.vendor, build_seconds, index_seconds
    )


if __name__ == "__main__":
    main()
