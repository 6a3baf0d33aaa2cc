"""Load test: gunicorn + PostgreSQL + Redis on loopback, bounded in time.

    .venv/bin/python benchmarks/load.py                     # 10,000 practices, 4 clients, 8 s
    .venv/bin/python benchmarks/load.py --size 100000
    .venv/bin/python benchmarks/load.py --size 10000 100000  # both, one after the other
    .venv/bin/python benchmarks/load.py --seconds 10 --levels 1 8 32
    .venv/bin/python benchmarks/load.py --deployed --size 10000 100000  # as deployed (root)

Uses the database in LOAD_DATABASE_URL (default: databank_bench on the local PostgreSQL, as
benchmarks/search.py leaves it; refilled with --size practices when it holds another number),
starts gunicorn with config/gunicorn.py and production settings on 127.0.0.1, the cache in
Redis (LOAD_REDIS_URL, emptied first), and requests each page in turn: /toegankelijkheid/ (a
plain template page, the yardstick), home, a sheet, the largest category and action, the
unfiltered search, the broad search most visitors make (one word and one province, pages 1-3)
and a search with two words and two facets, whose words change on every request, so that
neither comes from the cache. It prints each page's rate as a share of the yardstick's,
against the targets of issues 13 and 25, and for the uncached searches whether their p95 is
under 250 ms. With several sizes it measures each in turn (a database per size: the size is
appended to LOAD_DATABASE_URL's name after the first). With --deployed the databases are on a
PostgreSQL cluster of the benchmark's own, configured as deploy/postgresql.conf says
(benchmarks/deployed_postgres.py); without it, on the machine's cluster as it is configured.
Only loopback is ever contacted; every step stops by itself. The client runs on the same 2
cores as the server: the figures are a floor.
"""

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LOAD_URL = os.getenv("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/databank_bench")
REDIS_URL = os.getenv("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
HOST, PORT = "127.0.0.1", 8765
YARDSTICK = "/toegankelijkheid/"
# Shares of the yardstick's rate (issue 13, item 5; issue 25, item 2): at 10,000 practices,
# at 100,000.
TARGETS = {
    "home": (0.40, 0.40),
    "sheet": (0.40, 0.40),
    "category": (0.40, 0.40),
    "action": (0.40, 0.40),
    "search, unfiltered": (0.25, 0.25),
    "search, 1 word + province, uncached": (0.10, 0.03),
    "search, words + 2 facets, uncached": (0.15, 0.05),
}
UNCACHED = ("search, 1 word + province, uncached", "search, words + 2 facets, uncached")
P95_MS = 250  # the uncached searches' p95 at 100,000 (issue 25)
# The uncached search takes its words from these in turn (each finds a few % of practices).
WORDS = ["buurt", "jongeren", "polarisatie", "bibliotheek", "vrijwilligers", "wijk", "school"]
# The broad search: one of these words (each finds a good share of the practices) with one
# province, on pages 1 to 3.
BROAD_WORDS = ["jongeren", "buurt", "polarisatie", "bibliotheek", "vrijwilligers"]


def prepare_database(size):
    os.environ["BENCH_DATABASE_URL"] = LOAD_URL
    from benchmarks import search  # sets DATABASE_URL for Django from BENCH_DATABASE_URL

    search.os.environ["DATABASE_URL"] = LOAD_URL
    import django

    django.setup()
    from django.db import connections
    from django.db.models import Count, Q

    from practices.models import (
        Action,
        Category,
        Municipality,
        PolicyDomain,
        Practice,
        TargetGroup,
    )

    if (search.existing_size() or 0) != size:
        connections.close_all()
        search.recreate_database()
        search.fill(size)
    published = Q(practices__status=Practice.Status.PUBLISHED)
    sheet = Practice.objects.published().order_by("pk").values_list("slug", flat=True).first()
    category = (
        Category.objects.annotate(n=Count("practices", filter=published)).order_by("-n").first()
    )
    action = Action.objects.annotate(n=Count("practices", filter=published)).order_by("-n").first()
    facets = (
        f"doelgroep={TargetGroup.objects.order_by('pk').first().slug}"
        f"&beleidsdomein={PolicyDomain.objects.order_by('pk').first().slug}"
    )
    provinces = list(
        Municipality.objects.filter(practice_locations__practice__status=Practice.Status.PUBLISHED)
        .exclude(province="")
        .values_list("province", flat=True)
        .order_by("province")
        .distinct()
    )
    connections.close_all()
    return size, {
        "yardstick": YARDSTICK,
        "home": "/",
        "sheet": f"/praktijken/{sheet}/",
        "category": category.get_absolute_url(),
        "action": action.get_absolute_url(),
        "search, unfiltered": "/praktijken/",
        "search, 1 word + province, uncached": [
            f"/praktijken/?q={word}&provincie={province}&pagina={page}"
            for page in (1, 2, 3)
            for province in provinces
            for word in BROAD_WORDS
        ],
        "search, words + 2 facets, uncached": [
            f"/praktijken/?q={word}+{other}&{facets}"
            for word in WORDS
            for other in WORDS
            if other != word
        ],
    }


def start_server():
    env = {
        **os.environ,
        "DATABASE_URL": LOAD_URL,
        "DEBUG": "False",
        "ALLOWED_HOSTS": HOST,
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "DB_CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": REDIS_URL,
    }
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    python = sys.executable
    subprocess.run(
        [python, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(python).with_name("gunicorn")
    server = subprocess.Popen(
        [str(gunicorn), "--config", "config/gunicorn.py", "--access-logfile", "/dev/null"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, PORT, timeout=2)
            connection.request("GET", "/gezondheid/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not answer on /gezondheid/ within 30 s")


def run_step(paths, concurrency, seconds):
    """`concurrency` clients with keep-alive requesting `paths` in turn for `seconds`."""
    paths = [paths] if isinstance(paths, str) else paths
    turn = iter(range(10**9))
    latencies, errors = [], []
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", paths[next(turn) % len(paths)])
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
                continue
            mine.append((time.perf_counter() - started) * 1000)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors.append(failed)

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    p95 = latencies[max(0, round(len(latencies) * 0.95) - 1)] if latencies else float("nan")
    median = statistics.median(latencies) if latencies else float("nan")
    return len(latencies) / seconds, median, p95, sum(errors)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--size", type=int, nargs="+", default=[10000], help="practices in the database"
    )
    parser.add_argument("--levels", type=int, nargs="+", default=[4], help="clients at once")
    parser.add_argument("--seconds", type=float, default=8.0, help="length of each step")
    parser.add_argument(
        "--deployed",
        action="store_true",
        help="against a PostgreSQL cluster of its own with deploy/postgresql.conf (as root)",
    )
    args = parser.parse_args()
    if args.deployed:
        from benchmarks import deployed_postgres

        global LOAD_URL
        LOAD_URL = os.environ["LOAD_DATABASE_URL"] = deployed_postgres.ensure()
    if len(args.size) == 1:
        measure(args.size[0], args)
        return
    # Several sizes: each in a process of its own (Django is set up once per process), each on
    # its own database, so that neither is refilled.
    for number, size in enumerate(args.size):
        url = LOAD_URL if number == 0 else f"{LOAD_URL}_{size}"
        options = ["--size", str(size), "--seconds", str(args.seconds), "--levels"]
        subprocess.run(
            [sys.executable, __file__, *options, *map(str, args.levels)],
            env={**os.environ, "LOAD_DATABASE_URL": url},
            check=True,
        )
        print(flush=True)


def database_memory():
    """shared_buffers beside the size of the practice table: a sequential scan of a table
    larger than a quarter of shared_buffers goes through a small ring of buffers, so every
    broad search then reads the table from the operating system's cache (README, Deployment)."""
    import psycopg

    with psycopg.connect(LOAD_URL) as connection:
        [(buffers, heap, table, held)] = connection.execute(
            "SELECT current_setting('shared_buffers'),"
            " pg_size_pretty(pg_relation_size('practices_practice')),"
            " pg_size_pretty(pg_total_relation_size('practices_practice')),"
            " pg_relation_size('practices_practice') / 8192 <= setting::bigint / 4"
            " FROM pg_settings WHERE name = 'shared_buffers'"
        ).fetchall()
    kept = "kept in" if held else "NOT kept in (over a quarter of)"
    advice = "" if held else " (below deploy/postgresql.conf: --deployed measures as deployed)"
    return (
        f"shared_buffers {buffers}; practices_practice {heap}, {table} with its indexes;"
        f" a scan of the table is {kept} shared_buffers{advice}"
    )


def measure(size, args):
    size, targets = prepare_database(size)
    column = 0 if size <= 10000 else 1
    server = start_server()
    try:
        print(f"# {size} practices; gunicorn {os.cpu_count() * 2 + 1} workers on {HOST}:{PORT}")
        print(f"# PostgreSQL {database_memory()}")
        print("| page | clients | req/s | p50 ms | p95 ms | errors | share | target |")
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
        for concurrency in args.levels:
            # Warm up every worker on every page (its first request opens a database
            # connection and loads the Dutch dictionary into it), and fill the cache as the
            # first visitors would. The uncached searches are warmed on their first URL only.
            for paths in targets.values():
                run_step(paths if isinstance(paths, str) else paths[0], concurrency, 1.0)
            yardstick = None
            for name, paths in targets.items():
                rate, median, p95, errors = run_step(paths, concurrency, args.seconds)
                yardstick = yardstick or rate
                share = rate / yardstick
                print(
                    f"| {name} | {concurrency} | {rate:,.1f} | {median:.1f} | {p95:.1f} "
                    f"| {errors} | {share:.0%} | {verdict(name, share, p95, column)} |",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


def verdict(name, share, p95, column):
    target = TARGETS.get(name, (None, None))[column]
    if target is None:
        return ""
    said = f"≥ {target:.0%} {'met' if share >= target else 'NOT met'}"
    if name in UNCACHED and column == 1:
        said += f"; p95 < {P95_MS} ms {'met' if p95 < P95_MS else 'NOT met'}"
    return said


if __name__ == "__main__":
    main()
