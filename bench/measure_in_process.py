"""Render each benchmark page in-process, the page cache off (every render is
cold): status, queries, median, fastest and p90 ms, median CPU ms, HTML bytes raw and gzip. Prints JSON.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/measure_in_process.py \\
        '<addresses JSON from build_database.py>' [REPEAT]
"""

import gzip
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main():
    built = json.loads(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    # Where build_database.py put the images (make bench passes its own).
    os.environ.setdefault("MEDIA_ROOT", str(ROOT / "bench" / ".media"))
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")
    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.pages import benchmark_pages

    # Not setup_test_environment(): it instruments every template render (a
    # signal and a copy of the context), adding up to half again to a page.
    client = Client()
    results = {}
    for label, path in benchmark_pages(built):
        client.get(path)  # per-process caches: site root paths, renditions
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        # Counted now: the next request clears the connection's query log.
        query_count = len(queries)
        timings, cpu_timings = [], []
        for _ in range(repeat):
            start, cpu_start = time.perf_counter(), time.process_time()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
            cpu_timings.append((time.process_time() - cpu_start) * 1000)
        timings.sort()
        results[label] = {
            "path": path,
            "status": response.status_code,
            "queries": query_count,
            "median_ms": statistics.median(timings),
            # The least a render took: on a busy shared machine, the figure that
            # others' work inflates least.
            "min_ms": timings[0],
            # This process's own CPU time (SQLite runs in it too): what a render
            # costs, less the waiting for the CPU that other work on the machine adds.
            "cpu_median_ms": statistics.median(cpu_timings),
            "p90_ms": timings[max(0, int(len(timings) * 0.9) - 1)],
            "html_bytes": len(response.content),
            "html_gzip_bytes": len(gzip.compress(response.content)),
        }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
