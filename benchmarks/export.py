"""Export and API benchmark: a whole databank as CSV, JSON and XLSX, and pages of the API, at
10,000 and 100,000 practices.

    .venv/bin/python benchmarks/export.py                  # 10,000 and 100,000
    .venv/bin/python benchmarks/export.py --sizes 10000 --reuse

Fills BENCH_DATABASE_URL (default databank_bench on the local PostgreSQL) as
benchmarks/search.py does, then downloads /praktijken/export.<fmt> through the real view,
reading the streamed body piece by piece without keeping it, and prints the time, the size,
the number of queries and the peak of memory Python allocated meanwhile (tracemalloc), which
stays flat when the export streams. Then times API pages (median of 20 requests, server side,
the query count of the last).
"""

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import search  # noqa: E402  (sets DATABASE_URL before Django starts)


def measure(client, fmt):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    tracemalloc.start()
    started = time.perf_counter()
    size = 0
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/praktijken/export.{fmt}")
        for piece in response.streaming_content:
            size += len(piece)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, size, len(queries), peak


API_PAGES = {
    "first page": "/api/v1/praktijken/",
    "page 200": "/api/v1/praktijken/?pagina=200",
    "query + facet": "/api/v1/praktijken/?q=buurt&provincie=limburg",
    "100 a page": "/api/v1/praktijken/?per_pagina=100",
    "one sheet": None,
}


def measure_api(client, path, requests=20):
    import statistics

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for _ in range(requests):
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--reuse", action="store_true", help="keep a database of that size")
    parser.add_argument("--api-only", action="store_true", help="skip the file exports")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    settings.SITE_URL = "https://databank.example"
    print(f"{'practices':>10} {'format':>6} {'seconds':>8} {'MB':>8} {'queries':>8} {'peak MB':>8}")
    for size in args.sizes:
        if not (args.reuse and search.existing_size() == size):
            connections.close_all()
            search.recreate_database()
            search.fill(size)
        client = Client()
        from opendata.throttles import ClientThrottle
        from practices.models import Practice

        ClientThrottle.allow_request = lambda self, request, view: True
        for fmt in () if args.api_only else ("csv", "json", "xlsx"):
            seconds, length, queries, peak = measure(client, fmt)
            print(
                f"{size:>10} {fmt:>6} {seconds:>8.1f} {length / 1e6:>8.1f} {queries:>8} "
                f"{peak / 1e6:>8.1f}",
                flush=True,
            )
        slug = Practice.objects.published().order_by("pk").values_list("slug", flat=True)[0]
        for name, path in API_PAGES.items():
            median, queries = measure_api(client, path or f"/api/v1/praktijken/{slug}/")
            print(f"{size:>10} API {name:<15} {median:>8.1f} ms {queries:>3} queries", flush=True)


if __name__ == "__main__":
    main()
