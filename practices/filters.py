"""Facets of the practice search, and the django-filter FilterSet built from them.

A facet names its URL parameter, the table that links a practice to its values, and where
its known values live. From that it filters (OR within a facet, AND across facets), checks
the values a URL brings (unknown ones are dropped, with a notice) and counts, for each value,
the practices it would give with the other filters applied (disjunctive counts): one query
per facet, whatever the number of values or practices.
"""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db import connections, models
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
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

MAX_VALUES_PER_FACET = 20
# Long facets show their most frequent values (and the chosen ones) until users ask for all.
SHORT_LIST = 20


KEY_BASE = 10**12  # a key in practices_facetindex: facet code * KEY_BASE + value id


@dataclass(frozen=True)
class Facet:
    code: int  # its number in practices_facetindex (migration 0004)
    param: str  # the URL parameter, e.g. "categorie"
    label: str  # the heading above its values
    links: callable  # the rows linking practices to values: () -> QuerySet
    practice: str  # the field of those rows that points at the practice
    key: str  # the value as it stands in the URL
    name: str  # the value as users read it
    known: callable  # () -> QuerySet of known values, or None for fixed choices
    known_key: str = "slug"
    known_name: str = "name"
    choices: tuple = ()  # fixed choices (provinces)
    long: bool = False  # many values: the most frequent first, the rest on request
    links_sql: callable = None  # (param, quote) -> SELECT facet, term id, practice id
    terms_sql: callable = None  # (param, code, quote) -> SELECT facet, code, term id, key, name
    order_by_key: bool = False  # actions by number, the rest by name

    def label_for(self, key, name):
        """How a value reads in the facet list and on its chip."""
        if self.choices:
            return dict(self.choices).get(key, key)
        if self.param == "actie":
            return f"Actie {key}: {name}"
        return name

    def practice_ids(self, values):
        """Ids of practices that have any of these values."""
        return self.links().filter(**{f"{self.key}__in": values}).values(self.practice).order_by()

    def sql_id(self, facet_of_row):
        """What `facet_of_row` holds for this facet: its code (index) or its parameter (links)."""
        return str(self.code) if facet_of_row.startswith("key") else f"'{self.param}'"

    def link_rows(self, quote):
        """SQL for (facet, term id, practice id): every link of a practice to a value."""
        return self.links_sql(self.param, quote)

    def term_rows(self, quote):
        """SQL for (facet, code, term id, key, name): the values themselves."""
        return self.terms_sql(self.param, self.code, quote)

    def chosen_keys(self, values):
        """SQL and parameters for the index keys of these values (practices_facetindex)."""
        if self.choices:
            numbers = [n for n, (value, _) in enumerate(self.choices) if value in values]
            keys = ", ".join(str(self.code * KEY_BASE + n) for n in numbers) or "-1"
            return f"ARRAY[{keys}]::bigint[]", ()
        ids = self.known().filter(**{f"{self.known_key}__in": values}).values("id").order_by()
        sql, params = ids.query.sql_with_params()
        return f"ARRAY(SELECT {self.code * KEY_BASE} + id FROM ({sql}) AS chosen)", params

    def known_values(self, values):
        """A queryset of (param, key, name) for the values that exist (for one UNION)."""
        return (
            self.known()
            .filter(**{f"{self.known_key}__in": values})
            .annotate(
                facet=models.Value(self.param, output_field=models.CharField()),
                value=Cast(self.known_key, models.CharField()),
            )
            .order_by()
            .values_list("facet", "value", self.known_name)
        )


def through_links(through, term_fk, practice_fk="practice_id"):
    """(facet, term id, practice id) for every row of a table linking practices to terms."""

    def sql(param, quote):
        return f"SELECT '{param}', {term_fk}, {practice_fk} FROM {quote(through()._meta.db_table)}"

    return sql


def category_links(param, quote):
    return f"SELECT '{param}', hits.category_id, hits.id FROM hits"


def province_links(param, quote):
    # A province is numbered by its place in Municipality.Province; two places in one
    # province count the practice once.
    location, municipality = (
        quote(PracticeLocation._meta.db_table),
        quote(Municipality._meta.db_table),
    )
    numbers = " ".join(
        f"WHEN '{value}' THEN {number}"
        for number, (value, _) in enumerate(Municipality.Province.choices)
    )
    return (
        f"SELECT DISTINCT '{param}', CASE term.province {numbers} END, link.practice_id "
        f"FROM {location} link JOIN {municipality} term ON term.id = link.municipality_id "
        f"WHERE term.province <> ''"
    )


def terms_sql(model, key, name):
    def sql(param, code, quote):
        table = quote(model._meta.db_table)
        return f"SELECT '{param}', {code}, id, CAST({key} AS TEXT), {name} FROM {table}"

    return sql


def province_terms(param, code, quote):
    return " UNION ALL ".join(
        f"SELECT '{param}', {code}, {number}, '{value}', '{value}'"
        for number, (value, _) in enumerate(Municipality.Province.choices)
    )


FACETS = (
    Facet(
        code=1,
        param="categorie",
        label="Categorie",
        links=lambda: Practice.objects.all(),
        practice="pk",
        key="category__slug",
        name="category__name",
        known=lambda: Category.objects.all(),
        links_sql=category_links,
        terms_sql=terms_sql(Category, "slug", "name"),
    ),
    Facet(
        code=2,
        param="doelgroep",
        label="Doelgroep",
        links=lambda: Practice.target_groups.through.objects.all(),
        practice="practice_id",
        key="targetgroup__slug",
        name="targetgroup__name",
        known=lambda: TargetGroup.objects.all(),
        links_sql=through_links(lambda: Practice.target_groups.through, "targetgroup_id"),
        terms_sql=terms_sql(TargetGroup, "slug", "name"),
    ),
    Facet(
        code=3,
        param="gemeente",
        label="Gemeente",
        links=lambda: PracticeLocation.objects.all(),
        practice="practice_id",
        key="municipality__slug",
        name="municipality__name",
        known=lambda: Municipality.objects.all(),
        long=True,
        links_sql=through_links(lambda: PracticeLocation, "municipality_id"),
        terms_sql=terms_sql(Municipality, "slug", "name"),
    ),
    Facet(
        code=4,
        param="provincie",
        label="Provincie",
        links=lambda: PracticeLocation.objects.all(),
        practice="practice_id",
        key="municipality__province",
        name="municipality__province",
        known=None,
        choices=tuple(Municipality.Province.choices),
        links_sql=province_links,
        terms_sql=province_terms,
    ),
    Facet(
        code=5,
        param="beleidsdomein",
        label="Beleidsdomein",
        links=lambda: Practice.policy_domains.through.objects.all(),
        practice="practice_id",
        key="policydomain__slug",
        name="policydomain__name",
        known=lambda: PolicyDomain.objects.all(),
        links_sql=through_links(lambda: Practice.policy_domains.through, "policydomain_id"),
        terms_sql=terms_sql(PolicyDomain, "slug", "name"),
    ),
    Facet(
        code=6,
        param="actie",
        label="Actie Plan Samenleven",
        links=lambda: Practice.actions.through.objects.all(),
        practice="practice_id",
        key="action__number",
        name="action__title",
        known=lambda: Action.objects.all(),
        known_key="number",
        known_name="title",
        order_by_key=True,
        links_sql=through_links(lambda: Practice.actions.through, "action_id"),
        terms_sql=terms_sql(Action, "number", "title"),
    ),
    Facet(
        code=7,
        param="tag",
        label="Trefwoord",
        links=lambda: TaggedPractice.objects.all(),
        practice="content_object_id",
        key="tag__slug",
        name="tag__name",
        known=lambda: Tag.objects.all(),
        long=True,
        links_sql=through_links(lambda: TaggedPractice, "tag_id", "content_object_id"),
        terms_sql=terms_sql(Tag, "slug", "name"),
    ),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


def count_facets(base, selected, *, expanded=(), text_query=False):
    """Disjunctive counts of every facet, and the number of results, in one statement.

    `hits` are the practices matching the query; per hit, a flag says whether it passes each
    chosen facet's filter. A hit counts for facet F when it passes every chosen filter but
    F's own (so a hit failing two counts nowhere); the total counts hits that pass them all.
    PostgreSQL reads each hit's values from practices_facetindex (kept by triggers); other
    databases read the tables that link practices to values.
    Returns ({param: [(key, label, count), ...]}, total).
    """
    connection = connections[base.db]
    statement = FacetStatement(connection, selected, expanded)
    base_sql, base_params = base.order_by().values("pk", "category_id").query.sql_with_params()
    if connection.vendor == "postgresql":
        sql, params = statement.indexed(base_sql, base_params, text_query=text_query)
    else:
        sql, params = statement.linked(base_sql, base_params)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return statement.read(cursor.fetchall())


class FacetStatement:
    """The SQL of count_facets, in its two forms."""

    def __init__(self, connection, selected, expanded):
        self.quote = connection.ops.quote_name
        self.selected = {param: list(values) for param, values in selected.items() if values}
        self.expanded = set(expanded)
        self.chosen = [facet for facet in FACETS if self.selected.get(facet.param)]

    def passing(self, *, except_param=None):
        conditions = [f"chosen_{f.param}" for f in self.chosen if f.param != except_param]
        return " AND ".join(conditions) or "1 = 1"

    def relevant(self):
        """Hits failing two chosen filters count nowhere: each facet ignores only its own."""
        if len(self.chosen) < 2:
            return "1 = 1"
        failures = " + ".join(f"CASE WHEN chosen_{f.param} THEN 0 ELSE 1 END" for f in self.chosen)
        return f"{failures} <= 1"

    def counted_where(self, facet_of_row):
        if not self.chosen:
            return ""
        cases = " ".join(
            f"WHEN {f.sql_id(facet_of_row)} THEN {self.passing(except_param=f.param)}"
            for f in FACETS
        )
        return f"WHERE CASE {facet_of_row} {cases} END"

    def ranked_and_total(self, counted_join):
        """The shared end: name the values, keep the top of long facets, add the total."""
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
        return sql, params

    def indexed(self, base_sql, base_params, *, text_query):
        """Count from practices_facetindex. Without a text query, `base` must be exactly the
        published practices: the index rows say which those are, so the wide practice table
        is not read at all."""
        params = list(base_params) if text_query else []
        flags = ["entry.keys"]
        for facet in self.chosen:
            keys_sql, keys_params = facet.chosen_keys(self.selected[facet.param])
            flags.append(f"entry.keys && {keys_sql} AS chosen_{facet.param}")
            params += keys_params
        index = self.quote("practices_facetindex")
        tail, tail_params = self.ranked_and_total(
            f"counted.key = terms.code * {KEY_BASE} + terms.term"
        )
        if text_query:
            hits = f"hits(id, category_id) AS MATERIALIZED ({base_sql}),"
            entries = f"{index} entry JOIN hits ON hits.id = entry.practice_id"
        else:
            hits, entries = "", f"{index} entry WHERE entry.published"
        sql = f"""
            WITH {hits}
            flags AS NOT MATERIALIZED (
                SELECT * FROM (SELECT {", ".join(flags)} FROM {entries}) AS flagged
                WHERE {self.relevant()}
            ),
            counted AS (
                SELECT key, COUNT(*) AS n FROM flags, unnest(flags.keys) AS key
                {self.counted_where(f"key / {KEY_BASE}")}
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
            flags.append(f"hits.id IN ({ids_sql}) AS chosen_{facet.param}")
            params += ids_params
        links = " UNION ALL ".join(facet.link_rows(self.quote) for facet in FACETS)
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
                SELECT links.facet, links.term, COUNT(*) AS n
                FROM links JOIN flags ON flags.id = links.practice_id
                {self.counted_where("links.facet")}
                GROUP BY links.facet, links.term
            ),
            {tail}
        """
        return sql, params + tail_params

    def read(self, rows):
        counts = {facet.param: [] for facet in FACETS}
        total = 0
        for param, key, name, count in rows:
            if not param:
                total = count
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
        return counts, total


class ValuesField(forms.Field):
    """Every value of a repeated URL parameter, as text (checked against the database)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        cleaned = [str(item).strip()[:120] for item in values if str(item).strip()]
        return list(dict.fromkeys(cleaned))[:MAX_VALUES_PER_FACET]


class FacetFilter(django_filters.Filter):
    field_class = ValuesField

    def __init__(self, *args, facet, **kwargs):
        self.facet = facet
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        if connections[qs.db].vendor == "postgresql":
            # The GIN index on practices_facetindex.keys answers this at once.
            keys_sql, params = self.facet.chosen_keys(value)
            return qs.filter(
                pk__in=RawSQL(
                    f"SELECT practice_id FROM practices_facetindex WHERE keys && {keys_sql}",
                    params,
                )
            )
        return qs.filter(pk__in=self.facet.practice_ids(value))


class PracticeFilterSet(django_filters.FilterSet):
    """Filters practices by facet values that were checked before (see search.run_search)."""

    class Meta:
        model = Practice
        fields = []

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        for facet in FACETS:
            filters[facet.param] = FacetFilter(facet=facet, field_name=facet.param)
        return filters
