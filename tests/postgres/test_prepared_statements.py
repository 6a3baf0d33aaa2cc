"""The statements every search runs in the same form (search.postgres.rows_of) are prepared
on the connection, still counted as queries, and give the same results when preparing is
switched off (DB_PREPARED_STATEMENTS=False, for a pooler in transaction mode)."""

import re

import pytest
from django.db import connection

from search.postgres import rows_of
from tests.factories import CategoryFactory, PracticeFactory

pytestmark = pytest.mark.django_db
SEARCH = "/praktijken/?q=buurtfeest&categorie=cohesie"


def prepared():
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [" ".join(statement.split()) for (statement,) in cursor.fetchall()]


def result_count(response):
    return int(re.search(r"(\d+) praktijk", response.content.decode())[1])


def test_a_search_prepares_its_facet_statement_and_counts_it_as_a_query(
    client, django_assert_max_num_queries
):
    cohesion = CategoryFactory(slug="cohesie")
    PracticeFactory(title="Buurtfeest in de Kerkstraat", category=cohesion)
    PracticeFactory(title="Buurtfeest aan de haven")
    with django_assert_max_num_queries(10) as queries:
        response = client.get(SEARCH)
    assert result_count(response) == 1
    assert any("practices_facetindex" in q["sql"] for q in queries.captured_queries)
    assert any("practices_facetindex" in statement for statement in prepared())


def test_without_prepared_statements_the_search_finds_the_same(client):
    cohesion = CategoryFactory(slug="cohesie")
    PracticeFactory(title="Buurtfeest in de Kerkstraat", category=cohesion)
    with_preparing = result_count(client.get(SEARCH))
    threshold = connection.connection.prepare_threshold
    connection.connection.prepare_threshold = None  # what DB_PREPARED_STATEMENTS=False sets
    try:
        without = result_count(client.get(SEARCH))
        assert rows_of(connection, "SELECT %s::int + 1", [1]) == [(2,)]
    finally:
        connection.connection.prepare_threshold = threshold
    assert with_preparing == without == 1
