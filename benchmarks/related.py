"""How long 'Vergelijkbare praktijken' takes on a large databank (practices/related.py).

    .venv/bin/python benchmarks/related.py                  # 100,000 practices, 40 sheets
    .venv/bin/python benchmarks/related.py --size 10000 --sheets 100

Uses BENCH_DATABASE_URL (default: databank_bench on the local PostgreSQL), refilled by
benchmarks/search.py's filler when it holds another number of practices. For sheets spread over
the databank (those of the largest category included) it times related_practices() alone and
the whole sheet page through the real view, each sheet once (so never from a cache; server side,
database included), and
prints median, p95 and the most, with the number of queries of each.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def report(name, timings, queries):
    print(
        f"{name:<34} median {statistics.median(timings):7.1f} ms   "
        f"p95 {percentile(timings, 0.95):7.1f} ms   most {max(timings):7.1f} ms   "
        f"{queries} queries"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--sheets", type=int, default=40)
    args = parser.parse_args()

    import django

    from benchmarks import search  # sets DATABASE_URL for Django from BENCH_DATABASE_URL

    django.setup()
    from django.conf import settings
    from django.db import connection, connections
    from django.db.models import Count, Q
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from practices.models import Category, Practice
    from practices.related import related_practices

    if (search.existing_size() or 0) != args.size:
        connections.close_all()
        search.recreate_database()
        search.fill(args.size)
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    published = Practice.objects.published()
    largest = (
        Category.objects.annotate(n=Count("practices", filter=Q(practices__status="published")))
        .order_by("-n")
        .first()
    )
    rng = random.Random(2026)
    ids = list(published.values_list("pk", flat=True))
    chosen = rng.sample(ids, args.sheets // 2)
    chosen += list(
        published.filter(category=largest).values_list("pk", flat=True)[: args.sheets // 2]
    )
    print(
        f"{published.count():,} published practices; largest category "
        f"'{largest}' with {largest.n:,}; {len(chosen)} sheets"
    )
    alone, pages = [], []
    client = Client()
    for pk in chosen:
        sheet = Practice.objects.for_sheet().get(pk=pk)
        with CaptureQueriesContext(connection) as alone_queries:
            start = time.perf_counter()
            related_practices(sheet)
            alone.append((time.perf_counter() - start) * 1000)
        with CaptureQueriesContext(connection) as page_queries:
            start = time.perf_counter()
            response = client.get(sheet.get_absolute_url())
            pages.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    report("related_practices()", alone, len(alone_queries))
    report("the sheet page, uncached", pages, len(page_queries))


if __name__ == "__main__":
    main()
