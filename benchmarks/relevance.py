"""Relevance of the PostgreSQL search: precision at 3 over the relevance set
(tests/relevance_set.py), with and without the Dutch dictionary and prefix matching.

    .venv/bin/python benchmarks/relevance.py

(Re)creates RELEVANCE_DATABASE_URL (default databank_relevance on the local PostgreSQL),
loads the seed data, and runs every query of the set through the search the site uses, in four
set-ups: the Snowball stemmer alone, with prefix matching, with the dictionary, and with both
(the site's). For each it prints the mean precision at 3 and the queries that miss, and the
median time of a query; then the share of the pages the site-wide queries (SITE_SET) must list
under "Ook gevonden". The dictionary needs deploy/install_dutch_dictionary.py first.
"""

import os
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
URL = os.getenv("RELEVANCE_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/databank_relevance")
os.environ["DATABASE_URL"] = URL
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def recreate_database():
    import psycopg

    parts = urlparse(URL)
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        name = parts.path.lstrip("/")
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def evaluate():
    from django.http import QueryDict

    from search.results import searched_practices
    from tests.relevance_set import RELEVANCE_SET, precision_at

    scores, misses, times = [], [], []
    for query, relevant in RELEVANCE_SET:
        started = time.perf_counter()
        found = list(
            searched_practices(QueryDict(urlencode({"q": query}))).values_list("slug", flat=True)[
                :3
            ]
        )
        times.append((time.perf_counter() - started) * 1000)
        scores.append(precision_at(3, found, relevant))
        if scores[-1] < 1:
            misses.append(f"{query} ({scores[-1]:.2f})")
    return statistics.mean(scores), misses, statistics.median(times), len(RELEVANCE_SET)


def main():
    recreate_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from practices import dictionary
    from search import text as search

    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    has_dictionary = dictionary.in_use(connection)
    print(f"# {URL}; seed data; Dutch dictionary installed: {'yes' if has_dictionary else 'no'}")
    print("| set-up | queries | precision at 3 | median ms | misses |")
    print("| --- | ---: | ---: | ---: | --- |")
    prefix = search.PREFIX_MIN_LENGTH
    for use_dictionary in (False, True):
        if use_dictionary and not has_dictionary:
            continue
        call_command("use_dutch_dictionary", off=not use_dictionary, stdout=StringIO())
        for use_prefix in (False, True):
            search.PREFIX_MIN_LENGTH = prefix if use_prefix else 10**6
            evaluate()  # warm up the dictionary in this connection
            mean, misses, median_ms, count = evaluate()
            name = " + ".join(
                ["stemmer"] + ["dictionary"] * use_dictionary + ["prefix"] * use_prefix
            )
            print(f"| {name} | {count} | {mean:.3f} | {median_ms:.1f} | {', '.join(misses)} |")
    search.PREFIX_MIN_LENGTH = prefix
    mean, misses, count = evaluate_site()
    print()
    print("| site-wide (Ook gevonden) | queries | pages found | misses |")
    print("| --- | ---: | ---: | --- |")
    print(f"| the site's set-up | {count} | {mean:.3f} | {', '.join(misses)} |")


def evaluate_site():
    """The share of the pages each query of SITE_SET must list under 'Ook gevonden'."""
    from django.http import QueryDict

    from search.results import run_search
    from tests.relevance_set import SITE_SET, site_recall

    scores, misses = [], []
    for query, expected in SITE_SET:
        found = run_search(QueryDict(urlencode({"q": query})), per_page=20).related
        scores.append(site_recall([(hit.kind, hit.name) for hit in found], expected))
        if scores[-1] < 1:
            misses.append(f"{query} ({scores[-1]:.2f})")
    return statistics.mean(scores), misses, len(SITE_SET)


if __name__ == "__main__":
    main()
