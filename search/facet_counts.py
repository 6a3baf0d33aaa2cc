"""Facet counts for the practice search: every facet's disjunctive counts in one statement.

Two forms of one statement: on PostgreSQL it reads practices_facetindex (one row of integer
keys per practice, kept by triggers: migration 0004); elsewhere the tables that link
practices to values. The facet tests run on both.
"""

from django.db import connections

from search import adopted
from search.filters import FACETS, FACETS_BY_PARAM, KEY_BASE, SHORT_LIST
from search.postgres import IdArray, as_parameter, rows_of


def count_facets(base, selected, *, expanded=(), hit_ids=None, adopters=False):
    """Disjunctive counts of every facet, and the number of results, in one statement.

    `hits` are the practices matching the query; per hit, a flag says whether it passes each
    chosen facet's filter. A hit counts for facet F when it passes every chosen filter but
    F's own (so a hit failing two counts nowhere); the total counts hits that pass them all.
    PostgreSQL reads each hit's values from practices_facetindex (kept by triggers); other
    databases read the tables that link practices to values.
    Returns ({param: [(key, label, count), ...]}, total).

    On PostgreSQL the hits are `hit_ids`, the ids of the practices the words found, matched
    once before (search.results.run_search), or without words every published practice
    (`base` must then be exactly those; only its database is used). With `hit_ids` the
    statement returns a third item: the ids of those that pass every chosen filter, so that
    the page and the map select them by id instead of filtering again.

    With `adopters` the municipality facet also holds the towns that took a practice over
    (search.adopted): a practice counts once per town, whether it runs there or was taken over.
    """
    connection = connections[base.db]
    statement = FacetStatement(connection, selected, expanded, adopters=adopters)
    if connection.vendor != "postgresql":
        base_sql, base_params = base.order_by().values("pk", "category_id").query.sql_with_params()
        sql, params = statement.linked(base_sql, base_params)
    else:
        sql, params = statement.indexed(hit_ids=hit_ids)
    return statement.read(rows_of(connection, sql, params), found=hit_ids is not None)


class FacetStatement:
    """The SQL of count_facets, in its two forms."""

    def __init__(self, connection, selected, expanded, *, adopters=False):
        self.quote = connection.ops.quote_name
        self.adopters = adopters
        self.selected = {param: list(values) for param, values in selected.items() if values}
        self.expanded = set(expanded)
        self.chosen = [facet for facet in FACETS if self.selected.get(facet.param)]

    def or_adopted(self, flag, practice_id, facet):
        """A facet's flag, widened for the municipality facet to the towns that took a
        practice over (with `adopters`)."""
        if not self.adopters or facet.param != adopted.FACET:
            return flag, []
        ids_sql, params = adopted.adopted_ids(self.selected[facet.param]).query.sql_with_params()
        return f"({flag} OR {practice_id} IN ({ids_sql}))", list(params)

    def how_many(self, practice_id):
        # A town can be both where a practice runs and where it was taken over: count once.
        return f"COUNT(DISTINCT {practice_id})" if self.adopters else "COUNT(*)"

    def indexed_rows(self):
        """Each hit's keys, one row each (and with `adopters` its takers-over as keys of the
        municipality facet)."""
        # unnest in the select list: one pass over the hits (a ProjectSet), where a lateral
        # unnest started a function scan for every hit.
        rows = "SELECT flags.practice_id, flags.failed, unnest(flags.keys) AS key FROM flags"
        if not self.adopters:
            return f"({rows}) AS flags"
        code = FACETS_BY_PARAM[adopted.FACET].code
        return f"({rows} UNION ALL {adopted.index_rows(self.quote, KEY_BASE, code)}) AS flags"

    def passing(self, *, except_param=None):
        conditions = [f"chosen_{f.param}" for f in self.chosen if f.param != except_param]
        return " AND ".join(conditions) or "1 = 1"

    def relevant(self):
        """Hits failing two chosen filters count nowhere: each facet ignores only its own."""
        if len(self.chosen) < 2:
            return "1 = 1"
        failures = " + ".join(f"CASE WHEN chosen_{f.param} THEN 0 ELSE 1 END" for f in self.chosen)
        return f"{failures} <= 1"

    def counted_where(self, facet_of_row, identify):
        """Keep a counted row when its hit passes every chosen filter but its own facet's.

        `facet_of_row` is the SQL that tells a row's facet; `identify(facet)` the value it
        has for that facet (its code in the index form, its parameter in the linked form)."""
        if not self.chosen:
            return ""
        cases = " ".join(
            f"WHEN {identify(f)} THEN {self.passing(except_param=f.param)}" for f in FACETS
        )
        return f"WHERE CASE {facet_of_row} {cases} END"

    def ranked_and_total(self, counted_join, *, found=False):
        """The shared end: name the values, keep the top of long facets, add the total (and
        with `found`, the ids of the hits that pass every filter, as one comma-separated
        text, read as an IdArray)."""
        params = []
        whens = []
        for facet in self.chosen:
            if facet.long:
                keys = self.selected[facet.param]
                placeholders = ", ".join(["%s"] * len(keys))
                whens.append(
                    f"WHEN terms.facet = '{facet.param}' AND terms.key IN ({placeholders}) THEN 1"
                )
                params += keys
        chosen_first = f"CASE {' '.join(whens)} ELSE 0 END" if whens else "0"
        shortened = ", ".join(
            f"'{f.param}'" for f in FACETS if f.long and f.param not in self.expanded
        )
        terms = " UNION ALL ".join(facet.term_rows(self.quote) for facet in FACETS)
        sql = f"""
            terms(facet, code, term, key, name) AS ({terms}),
            ranked AS (
                SELECT terms.facet, terms.key, terms.name, counted.n,
                    ROW_NUMBER() OVER (
                        PARTITION BY terms.facet
                        ORDER BY {chosen_first} DESC, counted.n DESC, terms.name
                    ) AS position
                FROM counted JOIN terms ON {counted_join}
            )
            SELECT facet, key, name, n FROM ranked
            WHERE position <= {SHORT_LIST + 1} OR facet NOT IN ({shortened})
            UNION ALL
            SELECT '', '', '', COUNT(*) FROM flags WHERE {self.passing()}
        """
        if found:
            sql += f"""
            UNION ALL
            SELECT '#', '', string_agg(practice_id::text, ','), 0
            FROM flags WHERE {self.passing()}
            """
        return sql, params

    def indexed(self, *, hit_ids=None):
        """Count from practices_facetindex: the rows of `hit_ids`, or else of every published
        practice (the index rows say which those are, so the wide practice table is not read
        at all)."""
        params = []
        found = hit_ids is not None
        flags = ["entry.practice_id", "entry.keys"]
        for facet in self.chosen:
            keys_sql, keys_params = facet.chosen_keys(self.selected[facet.param])
            flag, flag_params = self.or_adopted(
                f"entry.keys && {keys_sql}", "entry.practice_id", facet
            )
            flags.append(f"{flag} AS chosen_{facet.param}")
            params += [*keys_params, *flag_params]
        index = self.quote("practices_facetindex")
        tail, tail_params = self.ranked_and_total(
            f"counted.key = terms.code * {KEY_BASE} + terms.term", found=found
        )
        if found:
            # The planner knows how many ids there are: it reads their rows by key.
            # (Its parameter follows the flags' in the statement.)
            entries = f"{index} entry WHERE entry.practice_id = ANY(%s::bigint[])"
            params.append(as_parameter(hit_ids))
        else:
            entries = f"{index} entry WHERE entry.published"
        # Which chosen facet a hit fails (0: none; relevant() drops hits failing two): its
        # keys count for that facet only. Computed once per hit, not once per key: with the
        # flags of the hits materialised (a few thousand rows for a broad word), the keys are
        # then only compared with it, and the flags are not worked out again for the total.
        failed = " ".join(f"WHEN NOT chosen_{f.param} THEN {f.code}" for f in self.chosen)
        failed = f"CASE {failed} ELSE 0 END" if failed else "0"
        counted_where = f"WHERE flags.failed = 0 OR key / {KEY_BASE} = flags.failed"
        sql = f"""
            WITH flags AS {"MATERIALIZED" if found else "NOT MATERIALIZED"} (
                SELECT *, {failed} AS failed
                FROM (SELECT {", ".join(flags)} FROM {entries}) AS flagged
                WHERE {self.relevant()}
            ),
            counted AS (
                SELECT key, {self.how_many("flags.practice_id")} AS n
                FROM {self.indexed_rows()}
                {counted_where if self.chosen else ""}
                GROUP BY key
            ),
            {tail}
        """
        return sql, params + tail_params

    def linked(self, base_sql, base_params):
        params = list(base_params)
        flags = ["hits.id"]
        for facet in self.chosen:
            ids_sql, ids_params = facet.practice_ids(
                self.selected[facet.param]
            ).query.sql_with_params()
            flag, flag_params = self.or_adopted(f"hits.id IN ({ids_sql})", "hits.id", facet)
            flags.append(f"{flag} AS chosen_{facet.param}")
            params += [*ids_params, *flag_params]
        links = [facet.link_rows(self.quote) for facet in FACETS]
        if self.adopters:
            links.append(adopted.link_rows(self.quote))
        links = " UNION ALL ".join(links)
        tail, tail_params = self.ranked_and_total(
            "terms.facet = counted.facet AND terms.term = counted.term"
        )
        sql = f"""
            WITH hits(id, category_id) AS NOT MATERIALIZED ({base_sql}),
            flags AS NOT MATERIALIZED (
                SELECT * FROM (SELECT {", ".join(flags)} FROM hits) AS flagged
                WHERE {self.relevant()}
            ),
            links(facet, term, practice_id) AS ({links}),
            counted AS (
                SELECT links.facet, links.term, {self.how_many("flags.id")} AS n
                FROM links JOIN flags ON flags.id = links.practice_id
                {self.counted_where("links.facet", lambda f: f"'{f.param}'")}
                GROUP BY links.facet, links.term
            ),
            {tail}
        """
        return sql, params + tail_params

    def read(self, rows, *, found=False):
        counts = {facet.param: [] for facet in FACETS}
        total, found_ids = 0, IdArray("{}")
        for param, key, name, count in rows:
            if not param:
                total = count
                continue
            if param == "#":
                found_ids = IdArray(f"{{{name or ''}}}")  # search.postgres.IdArray
                continue
            counts[param].append((key, FACETS_BY_PARAM[param].label_for(key, name), count))
        for facet in FACETS:
            if facet.long and facet.param not in self.expanded:
                chosen_keys = set(self.selected.get(facet.param, ()))
                counts[facet.param].sort(
                    key=lambda row: (row[0] not in chosen_keys, -row[2], row[1])
                )
            elif facet.order_by_key:
                counts[facet.param].sort(key=lambda row: int(row[0]))
            else:
                counts[facet.param].sort(key=lambda row: row[1].casefold())
        return (counts, total, found_ids) if found else (counts, total)
