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
        self._value_bits = {}  # (param, key) -> its practices as an int's bits (mask)

    def having(self, param, keys):
        """The practices that have any of these values (keys as in the URL)."""
        known = self.by_key[param]
        return BitMap.union(BitMap(), *[known[key] for key in keys if key in known])

    def passing(self, hits, selected):
        """The hits that have a chosen value of every facet with chosen values."""
        return hits.intersection(
            *[self.having(param, keys) for param, keys in selected.items() if keys]
        )

    def mask(self, selected):
        """The practices that pass every chosen filter as a bit mask, bit n (of byte n // 8,
        from its lowest bit, as PostgreSQL's get_bit reads a bytea) for practice n; None when
        no filter is chosen. matched_and_ranked() ranks only the matches in it: a broad word
        with one province then reads the vectors of a fifth of what it matches, not of all."""
        mask = None
        for param, keys in selected.items():
            if not keys:
                continue
            known = self.by_key[param]
            either = 0
            for key in keys:
                if key in known:
                    either |= self._bits(param, key, known[key])
            mask = either if mask is None else mask & either
        if mask is None:
            return None
        return mask.to_bytes(max(1, (mask.bit_length() + 7) // 8), "little")

    def _bits(self, param, key, practices):
        """A facet value's practices as the bits of an int, made once per index (a value's
        practices, set one by one, take milliseconds; ints combine in microseconds)."""
        bits = self._value_bits.get((param, key))
        if bits is None:
            mask = bytearray(practices.max() // 8 + 1 if practices else 1)
            for pk in practices:
                mask[pk >> 3] |= 1 << (pk & 7)
            bits = self._value_bits[(param, key)] = int.from_bytes(mask, "little")
        return bits

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
    for every row it ranked (40,000 at 100,000 practices: 250 ms instead of 105).

    With `only` (a bit mask, FacetBitmaps.mask) and the row's id, only the rows whose bit is
    set are ranked; the others get NULL, and their vectors are not read."""

    output_field = models.FloatField()

    def __init__(self, vector, query, pk=None, *, only=None):
        super().__init__(vector, query, *([pk] if only is not None else []))
        self.only = only

    def as_sql(self, compiler, connection, **extra_context):
        vector, query, *pk = self.get_source_expressions()
        vector_sql, params = compiler.compile(vector)
        sql = f"ts_rank({vector_sql}, (SELECT {query.sql}))"
        params = (*params, *query.params)
        if not pk:
            return sql, params
        pk_sql, _ = compiler.compile(pk[0])
        condition = f"{pk_sql} < %s AND get_bit(%s::bytea, {pk_sql}::int) = 1"
        return f"CASE WHEN {condition} THEN {sql} END", (len(self.only) * 8, self.only, *params)


def matched_and_ranked(queryset, query, *, only=None):
    """matched(), and the rank for `query` (ts_rank, as the page orders by) of each match in
    `only` (FacetBitmaps.mask; None: every match), read in the same pass over the rows:
    (the bitmap of every match, {id: rank} of those ranked)."""
    rank = RankOnce(models.F("search_vector"), query, models.F("pk"), only=only)
    sql, params = (
        queryset.order_by().annotate(rank=rank).values_list("pk", "rank").query.sql_with_params()
    )
    [(ids, ranks)] = rows_of(
        connections[queryset.db],
        f"SELECT array_agg(matched.pk), array_agg(matched.rank) FROM ({sql}) AS matched",
        params,
        binary=True,
    )
    ids, ranks = ids or (), ranks or ()
    if only is None:
        return BitMap(ids), dict(zip(ids, ranks, strict=True))
    return BitMap(ids), {pk: r for pk, r in zip(ids, ranks, strict=True) if r is not None}


def best(found, ranks, first):
    """Of the practices `found`, those that can be among the `first` by rank: every one
    ranked at least as high as the first-th best (ties included, which the page orders
    by title). The page's statement then orders these few instead of all that were found;
    what it shows is the same."""
    if len(found) <= first:
        return found
    lowest = heapq.nlargest(first, map(ranks.__getitem__, found))[-1]
    return BitMap(pk for pk in found if ranks[pk] >= lowest)
