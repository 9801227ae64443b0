"""Time the public pages and count their queries, on a throwaway SQLite copy
of the demo site. Prints figures; asserts nothing.

    .venv/bin/python bench/public_pages.py [--repeat 30] [PATH ...]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_PATHS = [
    "/",
    "/about/",
    "/about/paying-people/",
    "/opportunities/",
    "/opportunities/?sort=pay",
    "/partners/",
    "/ladder/",
    "/no-such-page/",
]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("paths", nargs="*", default=DEFAULT_PATHS)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="copro-bench-")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ["MEDIA_ROOT"] = f"{workdir}/media"

    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", "--no-admin", stdout=StringIO())
    client = Client()

    print(f"{'path':40} {'status':>6} {'queries':>7} {'median ms':>9} {'p90 ms':>7} {'KiB':>6}")
    for path in args.paths:
        client.get(path)  # warm caches and renditions
        connection.queries_log.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        query_count = len(queries)
        timings = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p90 = timings[int(len(timings) * 0.9) - 1]
        size = len(response.content) / 1024
        print(
            f"{path:40} {response.status_code:>6} {query_count:>7} "
            f"{statistics.median(timings):>9.1f} {p90:>7.1f} {size:>6.1f}"
        )


if __name__ == "__main__":
    main()
