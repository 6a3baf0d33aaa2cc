"""Counting a search or a sheet view: one statement each, nothing personal kept.

On PostgreSQL a count commits without waiting for its write-ahead log to reach the disk
(`synchronous_commit` off for that transaction alone, `counted`): a search counted this way
answered about 12 % more searches a second under load (docs/benchmarks.md, fifth round). What a
crash of the database server can take is the counts of its last fraction of a second (at
most three times `wal_writer_delay`, 0.6 s by default), never anything a visitor or editor
submitted: every other transaction keeps waiting for the disk as before."""

import datetime
import hashlib
import re
from contextlib import nullcontext

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from config.network import client_address, rate_limit_key
from insights.models import SearchSeen
from search.filters import FACETS_BY_PARAM
from search.folding import fold
from search.text import TERM

# Crawlers, link previews, monitors and scripts: not visitors.
BOTS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|preview|facebookexternalhit|monitor|uptime|curl/|wget/|"
    r"python-|httpclient|okhttp|java/|go-http|headlesschrome|lighthouse|pa11y",
    re.IGNORECASE,
)
MAX_POSITION = 1000


def is_bot(request):
    return bool(BOTS.search(request.headers.get("User-Agent", "")))


def normalised(params):
    """(words, filters) of a search URL: the folded words in their order, and the facet
    values sorted ('gemeente=genk&provincie=limburg'); '' where there are none."""
    words = " ".join(TERM.findall(fold(params.get("q", ""))))[:200]
    chosen = sorted(
        (param, value[:80])
        for param in FACETS_BY_PARAM
        for value in params.getlist(param)
        if value.strip()
    )
    return words, "&".join(f"{param}={value}" for param, value in chosen)[:500]


def visitor(request, day):
    """A keyed hash of the day and the sender's address: the same searcher within one day,
    nobody after (the row with it is folded away by roll_up_searches)."""
    key = rate_limit_key(client_address(request))
    text = f"{settings.SECRET_KEY}:insights:{day.isoformat()}:{key}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def record_search(request, results):
    """Count this search for today (one INSERT … ON CONFLICT, on SQLite and PostgreSQL)."""
    words, filters = normalised(request.GET)
    if not (words or filters) or is_bot(request):
        return
    day = timezone.localdate()
    counted(
        "INSERT INTO insights_searchseen (day, words, filters, results, visitor, times) "
        "VALUES (%s, %s, %s, %s, %s, 1) "
        "ON CONFLICT (day, words, filters, visitor) DO UPDATE "
        "SET times = insights_searchseen.times + 1, results = excluded.results",
        [day, words, filters, results, visitor(request, day)],
    )


def record_opened(request, params, position):
    """Which result (by position) this searcher opened from today's search."""
    words, filters = normalised(params)
    if not 1 <= position <= MAX_POSITION or is_bot(request):
        return 0
    day = timezone.localdate()
    return SearchSeen.objects.filter(
        day=day, words=words, filters=filters, visitor=visitor(request, day)
    ).update(opened=position)


def first_of_month(day):
    return datetime.date(day.year, day.month, 1)


def record_view(request, slug):
    """Count a sheet's view in this month (one statement)."""
    if is_bot(request):
        return
    counted(
        "INSERT INTO insights_sheetviews (month, slug, views) VALUES (%s, %s, 1) "
        "ON CONFLICT (month, slug) DO UPDATE SET views = insights_sheetviews.views + 1",
        [first_of_month(timezone.localdate()), slug[:200]],
    )


def counted(sql, params):
    """Run one counting statement. On PostgreSQL, when the caller has no transaction open, in
    a transaction of its own that commits without waiting for the disk (see the module);
    inside the caller's transaction (whose other writes must wait) or on SQLite, as it is."""
    own = connection.vendor == "postgresql" and not connection.in_atomic_block
    with transaction.atomic() if own else nullcontext(), connection.cursor() as cursor:
        if own:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
        cursor.execute(sql, params)
