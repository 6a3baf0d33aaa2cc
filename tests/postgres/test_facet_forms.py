"""The two forms of the facet counts agree: the one that reads practices_facetindex for the
ids a search's words found (PostgreSQL, search.facet_counts.FacetStatement.indexed) and the one
that reads the tables linking practices to values (FacetStatement.linked, the SQLite form),
for searches with none, one, two and three chosen facets, with and without adopters."""

import random

import pytest
from django.db import connection

from adoptions.models import Adoption
from practices.models import Practice
from search.facet_counts import FacetStatement
from search.postgres import rows_of
from search.results import parse_search
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db

SELECTIONS = [
    {},
    {"provincie": ["limburg"]},
    {"doelgroep": ["jongeren-f"]},
    {"provincie": ["limburg", "antwerpen"], "doelgroep": ["jongeren-f"]},
    {"gemeente": ["genk"], "actie": ["2"], "categorie": ["cohesie-f"]},
    {"doelgroep": ["senioren-f"], "tag": ["buurt"], "onderbouwing": ["beschreven"]},
]


@pytest.fixture
def practices():
    chance = random.Random(25)
    places = [MunicipalityFactory(name=name) for name in ("Genk", "Hasselt", "Antwerpen", "Gent")]
    groups = [
        TargetGroupFactory(name="Jongeren F", slug="jongeren-f"),
        TargetGroupFactory(name="Senioren F", slug="senioren-f"),
    ]
    categories = [CategoryFactory(slug="cohesie-f"), CategoryFactory(slug="wonen-f")]
    actions = [ActionFactory(number=2), ActionFactory(number=5)]
    for n in range(60):
        practice = PracticeFactory(
            title=f"Buurtwerking {n}",
            category=chance.choice(categories),
            places=chance.sample(places, chance.randint(0, 2)),
            evidence_level=chance.choice(Practice.Evidence.values),
        )
        practice.target_groups.set(chance.sample(groups, chance.randint(0, 2)))
        practice.actions.set(chance.sample(actions, chance.randint(0, 2)))
        practice.tags.add(*chance.sample(["buurt", "sport", "school"], chance.randint(0, 2)))
        if chance.random() < 0.2:
            Adoption.objects.create(
                practice=practice,
                municipality=chance.choice(places),
                contact_name="Jo",
                contact_email="jo@example.org",
                status="accepted",
            )


@pytest.mark.parametrize("adopters", [False, True])
@pytest.mark.parametrize("selected", SELECTIONS)
def test_both_forms_count_the_same(practices, selected, adopters):
    from django.http import QueryDict

    search = parse_search(QueryDict("q=buurtwerking"))
    base = search.base
    hit_ids = list(base.order_by().values_list("pk", flat=True))
    assert len(hit_ids) == 60
    statement = FacetStatement(connection, selected, (), adopters=adopters)
    sql, params = statement.indexed(hit_ids=hit_ids)
    indexed_counts, indexed_total, found = statement.read(
        rows_of(connection, sql, params), found=True
    )
    base_sql, base_params = base.order_by().values("pk", "category_id").query.sql_with_params()
    statement = FacetStatement(connection, selected, (), adopters=adopters)
    sql, params = statement.linked(base_sql, base_params)
    linked_counts, linked_total = statement.read(rows_of(connection, sql, params))
    assert indexed_total == linked_total == len(found)
    assert indexed_counts == linked_counts
    if selected:
        assert 0 < indexed_total < 60  # the selections choose something, and not everything
