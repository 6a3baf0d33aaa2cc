"""Load test: gunicorn + PostgreSQL on loopback, at rising concurrency, bounded in time.

    .venv/bin/python benchmarks/load.py                    # 10,000 practices, 5 s a step
    .venv/bin/python benchmarks/load.py --seconds 10 --levels 1 8 32

Uses the database in LOAD_DATABASE_URL (default: databank_bench on the local PostgreSQL, as
benchmarks/search.py leaves it; filled with 10,000 practices when it holds fewer than 1,000),
starts gunicorn with config/gunicorn.py and production settings on 127.0.0.1, and requests
the home page, a search with a query and three facets, a practice sheet and /gezondheid/ (a
trivial view, for the ratio). Only loopback is ever contacted; every step stops by itself.
The client runs on the same 2 cores as the server, so the figures are a floor, not a ceiling.
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
HOST, PORT = "127.0.0.1", 8765


def prepare_database():
    os.environ["BENCH_DATABASE_URL"] = LOAD_URL
    from benchmarks import search  # sets DATABASE_URL for Django from BENCH_DATABASE_URL

    search.os.environ["DATABASE_URL"] = LOAD_URL
    import django

    django.setup()
    from practices.models import PolicyDomain, Practice, TargetGroup

    size = search.existing_size() or 0
    if size < 1000:
        from django.db import connections

        connections.close_all()
        search.recreate_database()
        search.fill(10000)
        size = 10000
    sheet = Practice.objects.published().order_by("pk").values_list("slug", flat=True).first()
    facets = (
        f"q=buurt&provincie=limburg&doelgroep={TargetGroup.objects.order_by('pk').first().slug}"
        f"&beleidsdomein={PolicyDomain.objects.order_by('pk').first().slug}"
    )
    from django.db import connections

    connections.close_all()
    return size, {
        "gezondheid (trivial)": "/gezondheid/",
        "home": "/",
        "search, query + 3 facets": f"/praktijken/?{facets}",
        "sheet": f"/praktijken/{sheet}/",
    }


def start_server():
    env = {
        **os.environ,
        "DATABASE_URL": LOAD_URL,
        "DEBUG": "False",
        "ALLOWED_HOSTS": HOST,
        "GUNICORN_BIND": f"{HOST}:{PORT}",
        "DB_CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }
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


def run_step(path, concurrency, seconds):
    """`concurrency` clients with keep-alive requesting `path` for `seconds`."""
    latencies, errors = [], []
    stop_at = time.monotonic() + seconds
    lock = threading.Lock()

    def client():
        connection = http.client.HTTPConnection(HOST, PORT, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path)
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
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 4, 16, 32])
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each step")
    args = parser.parse_args()

    size, targets = prepare_database()
    server = start_server()
    try:
        print(f"# {size} practices; gunicorn {os.cpu_count() * 2 + 1} workers on {HOST}:{PORT}")
        header = f"{'page':<26} {'clients':>7} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}"
        print(f"{header} {'errors':>7} {'vs trivial':>10}")
        for concurrency in args.levels:
            trivial = None
            for name, path in targets.items():
                rate, median, p95, errors = run_step(path, concurrency, args.seconds)
                trivial = trivial or rate
                print(
                    f"{name:<26} {concurrency:>7} {rate:>8.1f} {median:>8.1f} {p95:>8.1f} "
                    f"{errors:>7} {rate / trivial:>9.0%}",
                    flush=True,
                )
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
