"""Benchmark of the practice search on PostgreSQL.

    .venv/bin/python benchmarks/search.py                 # 1,000, 10,000 and 100,000 practices
    .venv/bin/python benchmarks/search.py --sizes 10000 --requests 100

For each size it (re)creates the database BENCH_DATABASE_URL (default: databank_bench on the
local PostgreSQL), fills it with synthetic practices in Dutch with a realistic spread over the
taxonomies, and times typical searches through the real view (server side: from request to
rendered page, database included), printing median, p95 and the number of queries.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode, urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Loading is faster with the index triggers off; rebuild_search_index fills the indexes after.
TRIGGERED_TABLES = (
    "practices_practice",
    "practices_practicelocation",
    "practices_taggedpractice",
    "practices_practice_target_groups",
    "practices_practice_policy_domains",
    "practices_practice_actions",
)
BENCH_URL = os.getenv("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/databank_bench")
os.environ["DATABASE_URL"] = BENCH_URL
# Filling 100,000 practices runs statements far longer than a web request may (settings).
os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", "0")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")


def recreate_database():
    import psycopg

    parts = urlparse(BENCH_URL)
    name = parts.path.lstrip("/")
    admin_url = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def existing_size():
    from django.core.management import call_command
    from django.db import DatabaseError

    from practices.models import Practice

    try:
        call_command("migrate", verbosity=0)
        return Practice.objects.count()
    except DatabaseError:
        return None


def vocabulary():
    """Words of the seed sheets, as they occur there (Dutch, with its stop words)."""
    import json

    text = []
    for row in json.loads((ROOT / "fixtures" / "databank.json").read_text()):
        fields = row["fields"]
        text += [fields.get(key, "") for key in ("title", "summary", "description")]
        text += fields.get("goals", []) + fields.get("success_factors", [])
    words = [w.strip(".,;:()‘’'\"–").lower() for w in " ".join(text).split()]
    return [w for w in words if w.isalpha()]


class Writer:
    """Text with topics, as real sheets have: a practice speaks of one or two subjects.

    Stop words come from the whole seed text; content words from the practice's topics, so
    that a word is found in a realistic share of practices (a few to some twenty percent).
    """

    TOPICS = 40

    def __init__(self, rng):
        from search.text import STOP_WORDS

        words = vocabulary()
        self.rng = rng
        self.stop = [w for w in words if w in STOP_WORDS]
        content = sorted({w for w in words if w not in STOP_WORDS and len(w) > 3})
        self.topics = [rng.sample(content, 60) for _ in range(self.TOPICS)]

    def text(self, topics, length):
        pool = [w for topic in topics for w in topic]
        words = [
            self.rng.choice(self.stop) if self.rng.random() < 0.45 else self.rng.choice(pool)
            for _ in range(length)
        ]
        return " ".join(words).capitalize() + "."

    def practice_topics(self):
        return self.rng.sample(self.topics, self.rng.choice((1, 1, 2)))


def fill(size, seed=2026):
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from taggit.models import Tag

    from practices.models import (
        Action,
        Category,
        Municipality,
        PolicyDomain,
        Practice,
        PracticeLocation,
        TaggedPractice,
        TargetGroup,
    )

    rng = random.Random(seed)
    writer = Writer(rng)
    call_command("migrate", verbosity=0)

    def terms(model, count, prefix):
        return model.objects.bulk_create(
            model(name=f"{prefix} {n}", slug=f"{prefix.lower()}-{n}") for n in range(count)
        )

    categories = terms(Category, 8, "Categorie")
    groups = terms(TargetGroup, 12, "Doelgroep")
    domains = terms(PolicyDomain, 15, "Beleidsdomein")
    # The official register, loaded by a migration (names, NIS codes, provinces).
    municipalities = list(Municipality.objects.filter(country="BE").order_by("nis_code")[:300])
    actions = Action.objects.bulk_create(Action(number=n, title=f"Actie {n}") for n in range(1, 25))
    tags = Tag.objects.bulk_create(
        Tag(name=f"{rng.choice(rng.choice(writer.topics))}-{n}", slug=f"tag-{n}")
        for n in range(400)
    )

    with connection.cursor() as cursor:
        for table in TRIGGERED_TABLES:
            cursor.execute(f"ALTER TABLE {table} DISABLE TRIGGER USER")
    now = timezone.now()
    batch = 5000
    for start in range(0, size, batch):
        rows = []
        for n in range(start, min(start + batch, size)):
            topics = writer.practice_topics()
            rows.append(
                Practice(
                    title=writer.text(topics, rng.randint(2, 5))[:-1],
                    slug=f"praktijk-{n}",
                    summary=writer.text(topics, rng.randint(12, 25))[:300],
                    description=" ".join(writer.text(topics, rng.randint(8, 20)) for _ in range(6)),
                    goals=[writer.text(topics, 8) for _ in range(rng.randint(2, 6))],
                    success_factors=[writer.text(topics, 10) for _ in range(rng.randint(1, 4))],
                    category=rng.choice(categories),
                    status=Practice.Status.PUBLISHED if rng.random() < 0.95 else "draft",
                    published_at=now,
                )
            )
        practices = Practice.objects.bulk_create(rows)
        PracticeLocation.objects.bulk_create(
            PracticeLocation(
                practice=p, municipality=m, description=writer.text(writer.practice_topics(), 10)
            )
            for p in practices
            for m in rng.sample(municipalities, rng.choice((1, 1, 1, 2, 3)))
        )
        Practice.target_groups.through.objects.bulk_create(
            Practice.target_groups.through(practice=p, targetgroup=g)
            for p in practices
            for g in rng.sample(groups, rng.randint(1, 2))
        )
        Practice.policy_domains.through.objects.bulk_create(
            Practice.policy_domains.through(practice=p, policydomain=d)
            for p in practices
            for d in rng.sample(domains, rng.randint(1, 3))
        )
        Practice.actions.through.objects.bulk_create(
            Practice.actions.through(practice=p, action=a)
            for p in practices
            for a in rng.sample(actions, rng.choice((0, 0, 1, 1, 2)))
        )
        TaggedPractice.objects.bulk_create(
            TaggedPractice(content_object=p, tag=t)
            for p in practices
            for t in rng.sample(tags, rng.randint(2, 5))
        )
    with connection.cursor() as cursor:
        for table in TRIGGERED_TABLES:
            cursor.execute(f"ALTER TABLE {table} ENABLE TRIGGER USER")
    with open(os.devnull, "w") as quiet:
        call_command("rebuild_search_index", stdout=quiet)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    return writer


QUERIES = ("jongeren", "buurt", "polarisatie", "bibliotheek", "vrijwilligers")


def match_rates():
    """The share of published practices each benchmark word finds."""
    from practices.models import Practice
    from search.text import search

    published = Practice.objects.published()
    total = published.count()
    return {word: search(published, word).count() / total for word in QUERIES}


def scenarios(size, per_page):
    from practices.models import PolicyDomain, TargetGroup

    group = TargetGroup.objects.order_by("pk").first().slug
    domain = PolicyDomain.objects.order_by("pk").first().slug
    facets = {"provincie": "limburg", "doelgroep": group, "beleidsdomein": domain}
    last_page = max(1, (size * 95 // 100) // per_page)
    return {
        "query only": [{"q": word} for word in QUERIES],
        "three facets": [facets],
        "query + three facets": [{"q": word, **facets} for word in QUERIES],
        "deep page": [{"pagina": min(50, last_page)}, {"pagina": last_page}],
    }


def measure(client, variants, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings, queries = [], 0
    for n in range(requests + 5):
        params = variants[n % len(variants)]
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/praktijken/?" + urlencode(params))
        elapsed = (time.perf_counter() - started) * 1000
        assert response.status_code == 200, response.status_code
        queries = max(queries, len(captured))
        if n >= 5:  # the first requests warm the caches
            timings.append(elapsed)
    timings.sort()
    p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, queries


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per search")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database as it is when it already holds that many practices",
    )
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    print(f"{'practices':>10}  {'search':<22} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for size in args.sizes:
        from django.db import connections

        if args.reuse and existing_size() == size:
            print(f"# {size} practices: reusing the database", flush=True)
        else:
            connections.close_all()
            recreate_database()
            started = time.perf_counter()
            fill(size)
            print(f"# {size} practices loaded in {time.perf_counter() - started:.0f} s", flush=True)
        rates = ", ".join(f"{word} {rate:.0%}" for word, rate in match_rates().items())
        print(f"# share of practices each query word finds: {rates}", flush=True)
        client = Client()
        for name, variants in scenarios(size, settings.PRACTICES_PER_PAGE).items():
            median, p95, queries = measure(client, variants, args.requests)
            print(f"{size:>10}  {name:<22} {median:>10.1f} {p95:>8.1f} {queries:>8}", flush=True)


if __name__ == "__main__":
    main()
