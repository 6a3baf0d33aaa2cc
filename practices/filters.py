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
from django.db import models
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
TAGS_SHOWN = 25


@dataclass(frozen=True)
class Facet:
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
    limit: int | None = None  # show the most frequent values only (tags)
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

    def counts(self, practices, selected):
        """(key, name, count) per value, counted over `practices` (a queryset)."""
        rows = (
            self.links()
            .filter(**{f"{self.practice}__in": practices.order_by().values("pk")})
            .exclude(**{f"{self.key}__isnull": True})
            .exclude(**({self.key: ""} if self.choices else {}))
            .values(self.key, self.name)
            .annotate(count=models.Count(self.practice, distinct=True))
        )
        if self.limit:
            chosen_first = models.Case(
                models.When(**{f"{self.key}__in": selected}, then=0), default=1
            )
            rows = rows.order_by(chosen_first, "-count", self.name)[: self.limit]
        else:
            rows = rows.order_by(self.key if self.order_by_key else self.name)
        return [
            (str(row[self.key]), self.label_for(str(row[self.key]), row[self.name]), row["count"])
            for row in rows
        ]

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


FACETS = (
    Facet(
        param="categorie",
        label="Categorie",
        links=lambda: Practice.objects.all(),
        practice="pk",
        key="category__slug",
        name="category__name",
        known=lambda: Category.objects.all(),
    ),
    Facet(
        param="doelgroep",
        label="Doelgroep",
        links=lambda: Practice.target_groups.through.objects.all(),
        practice="practice_id",
        key="targetgroup__slug",
        name="targetgroup__name",
        known=lambda: TargetGroup.objects.all(),
    ),
    Facet(
        param="gemeente",
        label="Gemeente",
        links=lambda: PracticeLocation.objects.all(),
        practice="practice_id",
        key="municipality__slug",
        name="municipality__name",
        known=lambda: Municipality.objects.all(),
    ),
    Facet(
        param="provincie",
        label="Provincie",
        links=lambda: PracticeLocation.objects.all(),
        practice="practice_id",
        key="municipality__province",
        name="municipality__province",
        known=None,
        choices=tuple(Municipality.Province.choices),
    ),
    Facet(
        param="beleidsdomein",
        label="Beleidsdomein",
        links=lambda: Practice.policy_domains.through.objects.all(),
        practice="practice_id",
        key="policydomain__slug",
        name="policydomain__name",
        known=lambda: PolicyDomain.objects.all(),
    ),
    Facet(
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
    ),
    Facet(
        param="tag",
        label="Trefwoord",
        links=lambda: TaggedPractice.objects.all(),
        practice="content_object_id",
        key="tag__slug",
        name="tag__name",
        known=lambda: Tag.objects.all(),
        limit=TAGS_SHOWN,
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
