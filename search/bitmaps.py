"""The facet index held in memory: for every facet value, the published practices that have
it, as a compressed bitmap (pyroaring), read from practices_facetindex once per content
version by each app process (PostgreSQL only).

A broad word finds thousands of practices. Counted by the database, every facet's counts,
the number of results and the small map's places each read every one of those practices'
keys again (at 100,000 practices a word in 40 % of them: 110 ms for the facets and 65 ms
for the map). Held here, a facet value's count is the size of an intersection of two
bitmaps, under a microsecond each: a search with words counts its facets, its total and its
map without a statement of its own.

The counts are those of search.facet_counts.FacetStatement, exactly (tests/test_bitmaps.py
compares the two): a practice counts for a value of facet F when it passes the chosen
values of every other facet; the total counts those that pass them all. Long facets keep
their most frequent values, ties broken by the values' names in the database's own order.

Nothing here is a cache of results: the index depends on the content only, never on what
was searched, and the content version (practices.content_cache) replaces it after every
change. Without a content version (the cache unreachable) the database counts, as before.
"""

import heapq
import threading

from django.db import connections, models
from pyroaring import BitMap, FrozenBitMap

from practices.content_cache import content_version
from search.facet_counts import FacetStatement
from search.filters import FACETS, KEY_BASE, SHORT_LIST
from search.postgres import rows_of

RANK_IN_MATCH = 0.1  # (FacetBitmaps.ranked_in_the_match)
_held = {}  # database alias -> the FacetBitmaps of the latest content version read
_lock = threading.Lock()


class FacetBitmaps:
    """Per facet, its values by the key they have in a URL, each with the published
    practices that have it."""

    def __init__(self, using, version, published, values_of):
        self.using = using
        self.version = version
        self.published = published  # every published practice
        # param -> [(key in the URL, name, place in the names' order, practices)]
        self.values_of = values_of
        self.by_key = {
            param: {key: practices for key, _, _, practices in values}
            for param, values in values_of.items()
        }
        self.derived = {}  # what other apps compute from the index once (maps.figures)

    def having(self, param, keys):
        """The practices that have any of these values (keys as in the URL)."""
        known = self.by_key[param]
        return BitMap.union(BitMap(), *[known[key] for key in keys if key in known])

    def passing(self, hits, selected):
        """The hits that have a chosen value of every facet with chosen values."""
        return hits.intersection(
            *[self.having(param, keys) for param, keys in selected.items() if keys]
        )

    def ranked_in_the_match(self, selected):
        """Whether a search by relevance should rank every match as it matches them
        (matched_and_ranked) rather than rank only those that pass the filters, on the
        page's statement. The first reads each match once, but ranks them all; the second
        reads again each practice found. With filters that leave more than RANK_IN_MATCH of
        the practices (one province: a fifth), a broad word finds thousands, whose second
        reading cost as much as the match at 100,000 practices (76 ms); with narrower
        filters (a target group and a policy domain) the few found are read again in well
        under a millisecond, while ranking every match cost 1.2 ms of 4 at 10,000."""
        left = self.passing(self.published, selected)
        return len(left) > RANK_IN_MATCH * len(self.published)

    def count(self, hits, selected, *, expanded=()):
        """Like count_facets(..., hit_ids=...): ({param: [(key, label, count)]}, total,
        found), where `found` is the bitmap of the hits that pass every chosen filter."""
        statement = FacetStatement(connections[self.using], selected, expanded)
        chosen = {
            f.param: self.having(f.param, statement.selected[f.param]) for f in statement.chosen
        }
        found = hits.intersection(*chosen.values())
        # What a value of each facet is counted in: the hits passing every other chosen
        # facet (for a facet not chosen, that is what was found).
        scope = {
            param: hits.intersection(*[other for name, other in chosen.items() if name != param])
            for param in chosen
        }
        rows = []
        for param, values in self.values_of.items():
            counted = scope.get(param, found)
            if not counted:
                continue
            size_with = counted.intersection_cardinality
            rows += [
                (param, key, name, n, position)
                for key, name, position, practices in values
                if (n := size_with(practices))
            ]
        rows = self._shortened(rows, statement)
        rows.append(("", "", "", len(found)))
        counts, total = statement.read(rows)
        return counts, total, found

    @staticmethod
    def _shortened(rows, statement):
        """Keep the first SHORT_LIST + 1 values of a long facet not asked for whole: chosen
        first, then by count, then by name (as the statement's ROW_NUMBER)."""
        long = {f.param for f in FACETS if f.long and f.param not in statement.expanded}
        kept, ranked = [], {}
        for row in rows:
            (ranked.setdefault(row[0], []) if row[0] in long else kept).append(row)
        for param, values in ranked.items():
            chosen = set(statement.selected.get(param, ()))
            values.sort(key=lambda row: (row[1] not in chosen, -row[3], row[4]))
            kept += values[: SHORT_LIST + 1]
        return [row[:4] for row in kept]


def current(using):
    """The index of the current content version (read now if this process has none), or
    None when there is no content version to tell whether it is current."""
    version = content_version()
    if version is None:
        return None
    held = _held.get(using)
    if held is not None and held.version == version:
        return held
    with _lock:
        held = _held.get(using)
        if held is None or held.version != version:
            held = _held[using] = read(using, version)
    return held


def read(using, version):
    """One statement: every facet value's published practices, by name; and (the row with
    an empty facet) every published practice."""
    connection = connections[using]
    quote = connection.ops.quote_name
    index = quote("practices_facetindex")
    terms = " UNION ALL ".join(facet.term_rows(quote) for facet in FACETS)
    sql = f"""
        WITH terms(facet, code, term, key, name) AS ({terms}),
        linked AS (
            SELECT key, array_agg(practice_id) AS practices
            FROM {index}, unnest(keys) AS key WHERE published GROUP BY key
        )
        SELECT terms.facet, terms.key, terms.name, linked.practices, 0 AS last
        FROM terms JOIN linked ON linked.key = terms.code * {KEY_BASE} + terms.term
        UNION ALL
        SELECT '', '', '', array_agg(practice_id), 1 FROM {index} WHERE published
        ORDER BY last, name
    """
    published, values_of = FrozenBitMap(), {facet.param: [] for facet in FACETS}
    for position, (param, key, name, practices, _) in enumerate(
        rows_of(connection, sql, [], binary=True)
    ):
        if not param:
            published = FrozenBitMap(practices or ())
        else:
            values_of[param].append((key, name, position, FrozenBitMap(practices)))
    return FacetBitmaps(using, version, published, values_of)


def matched_each(querysets):
    """matched() of several querysets in one statement: a bitmap each."""
    parts, params = [], []
    for queryset in querysets:
        sql, part_params = queryset.order_by().values("pk").query.sql_with_params()
        parts.append(f"ARRAY({sql})")
        params += part_params
    if not parts:
        return []
    [row] = rows_of(connections[querysets[0].db], f"SELECT {', '.join(parts)}", params, binary=True)
    return [BitMap(ids) for ids in row]


def matched(queryset):
    """The ids of a queryset's rows as a bitmap (one query; read as binary, which for
    40,000 ids takes 0.7 ms where their text took 8)."""
    return matched_each([queryset])[0]


class RankOnce(models.Func):
    """ts_rank(vector, (SELECT query)): the words' query worked out once, ahead of the rows
    (an InitPlan). Written inline, a prepared statement's generic plan worked it out again
    for every row it ranked (40,000 at 100,000 practices: 250 ms instead of 105)."""

    output_field = models.FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        vector, query = self.get_source_expressions()
        vector_sql, params = compiler.compile(vector)
        return f"ts_rank({vector_sql}, (SELECT {query.sql}))", (*params, *query.params)


def matched_and_ranked(queryset, query):
    """matched(), and each match's rank for `query` (ts_rank, as the page orders by), read
    in the same pass over the rows: ({id: rank} of every match)."""
    sql, params = (
        queryset.order_by()
        .annotate(rank=RankOnce(models.F("search_vector"), query))
        .values_list("pk", "rank")
        .query.sql_with_params()
    )
    [(ids, ranks)] = rows_of(
        connections[queryset.db],
        f"SELECT array_agg(matched.pk), array_agg(matched.rank) FROM ({sql}) AS matched",
        params,
        binary=True,
    )
    ranks = dict(zip(ids or (), ranks or (), strict=True))
    return BitMap(ranks), ranks


def best(found, ranks, first):
    """Of the practices `found`, those that can be among the `first` by rank: every one
    ranked at least as high as the first-th best (ties included, which the page orders
    by title). The page's statement then orders these few instead of all that were found;
    what it shows is the same."""
    if len(found) <= first:
        return found
    lowest = heapq.nlargest(first, map(ranks.__getitem__, found))[-1]
    return BitMap(pk for pk in found if ranks[pk] >= lowest)
