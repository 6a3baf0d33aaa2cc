"""Facets of the practice search, and the django-filter FilterSet built from them.

A facet names its URL parameter, the table that links a practice to its values, and where
its known values live. From that it filters (OR within a facet, AND across facets), checks
the values a URL brings (unknown ones are dropped, with a notice) and gives the SQL with
which search.facet_counts counts, for each value, the practices it would give with the
other filters applied (disjunctive counts).
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
from search import adopted

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


def choice_links(field, choices):
    """(facet, number, practice id) for a field of the practice itself with fixed choices."""

    def sql(param, quote):
        numbers = " ".join(f"WHEN '{value}' THEN {n}" for n, (value, _) in enumerate(choices))
        table = quote(Practice._meta.db_table)
        return f"SELECT '{param}', CASE {field} {numbers} END, id FROM {table}"

    return sql


def choice_terms(choices):
    def sql(param, code, quote):
        return " UNION ALL ".join(
            f"SELECT '{param}', {code}, {number}, '{value}', '{value}'"
            for number, (value, _) in enumerate(choices)
        )

    return sql


def terms_sql(model, key, name):
    def sql(param, code, quote):
        table = quote(model._meta.db_table)
        return f"SELECT '{param}', {code}, id, CAST({key} AS TEXT), {name} FROM {table}"

    return sql


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
        terms_sql=choice_terms(Municipality.Province.choices),
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
    Facet(
        code=8,
        param="onderbouwing",
        label="Onderbouwing",
        links=lambda: Practice.objects.all(),
        practice="pk",
        key="evidence_level",
        name="evidence_level",
        known=None,
        choices=tuple(Practice.Evidence.choices),
        links_sql=choice_links("evidence_level", Practice.Evidence.choices),
        terms_sql=choice_terms(Practice.Evidence.choices),
    ),
    Facet(
        code=9,
        param="status",
        label="Status",
        links=lambda: Practice.objects.all(),
        practice="pk",
        key="life_status",
        name="life_status",
        known=None,
        choices=tuple(Practice.LifeStatus.choices),
        links_sql=choice_links("life_status", Practice.LifeStatus.choices),
        terms_sql=choice_terms(Practice.LifeStatus.choices),
    ),
    Facet(
        code=10,
        param="kosten",
        label="Kosten",
        links=lambda: Practice.objects.all(),
        practice="pk",
        key="cost_band",
        name="cost_band",
        known=None,
        choices=tuple(Practice.CostBand.choices),
        links_sql=choice_links("cost_band", Practice.CostBand.choices),
        terms_sql=choice_terms(Practice.CostBand.choices),
    ),
)
FACETS_BY_PARAM = {facet.param: facet for facet in FACETS}


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
            having = models.Q(
                pk__in=RawSQL(
                    f"SELECT practice_id FROM practices_facetindex WHERE keys && {keys_sql}",
                    params,
                )
            )
        else:
            having = models.Q(pk__in=self.facet.practice_ids(value))
        if self.facet.param == adopted.FACET and adopted.wanted(self.parent.data):
            having |= models.Q(pk__in=adopted.adopted_ids(value))
        return qs.filter(having)


class PracticeFilterSet(django_filters.FilterSet):
    """Filters practices by facet values that were checked before (see search.run_search)."""

    class Meta:
        model = Practice
        fields = []

    @classmethod
    def get_filters(cls):
        # ook_toegepast (search.adopted) widens the municipality facet; it filters nothing
        # by itself.
        filters = super().get_filters()
        for facet in FACETS:
            filters[facet.param] = FacetFilter(facet=facet, field_name=facet.param)
        return filters
