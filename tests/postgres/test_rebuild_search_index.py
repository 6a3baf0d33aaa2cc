"""manage.py rebuild_search_index on its own: every vector recomputed, the table its size."""

import pytest
from django.core.management import call_command
from django.db import connection

from practices.dictionary import rebuild_vectors
from practices.models import Practice
from search.text import search
from tests.factories import PracticeFactory

PRACTICES = 120
BATCH = 20


def table_pages():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_relation_size('practices_practice') / 8192")
        return cursor.fetchone()[0]


def compacted():
    with connection.cursor() as cursor:
        cursor.execute("VACUUM FULL practices_practice")
    return table_pages()


@pytest.fixture
def practices():
    # Rows of about 2 kB, their vectors in the row: some 4 a page.
    for n in range(PRACTICES):
        PracticeFactory(
            title=f"Buurtpraktijk {n}",
            description=" ".join(f"woord{n}x{k} buurtwerking" for k in range(90)),
        )


@pytest.mark.django_db(transaction=True)
def test_on_its_own_it_keeps_the_table_its_size(practices, capsys):
    compact = compacted()
    assert compact >= 20

    call_command("rebuild_search_index", batch=BATCH)

    assert f"{PRACTICES} praktijken" in capsys.readouterr().out
    # About one batch more than the compact table (a sixth of it, and a page or two).
    assert table_pages() <= compact + compact // 6 + 3


@pytest.mark.django_db(transaction=True)
def test_on_its_own_it_restores_every_vector(practices):
    Practice.objects.update(search_vector=None)
    assert not search(Practice.objects.published(), "buurtpraktijk").exists()

    call_command("rebuild_search_index", batch=BATCH)

    assert search(Practice.objects.published(), "buurtpraktijk").count() == PRACTICES
    assert search(Practice.objects.published(), "woord7x3").get().title == "Buurtpraktijk 7"


@pytest.mark.django_db(transaction=True)
def test_in_one_statement_the_table_holds_every_practice_twice(practices):
    # What the batches avoid: the same work in one statement, as inside a transaction.
    compact = compacted()
    rebuild_vectors(connection)
    assert table_pages() >= compact * 3 // 2
