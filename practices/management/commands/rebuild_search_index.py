from django.core.management import BaseCommand
from django.db import connection, transaction

from practices.dictionary import rebuild_vectors


class Command(BaseCommand):
    help = (
        "Recompute every practice's search vector and facet index row (PostgreSQL). Triggers "
        "keep both current on every change; use this after loading data with the triggers off "
        "or after changing the text search configuration."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Alleen nodig op PostgreSQL; SQLite zoekt zonder index.")
            return
        with transaction.atomic(), connection.cursor() as cursor:
            count = rebuild_vectors(connection)
            cursor.execute("DELETE FROM practices_facetindex")
            cursor.execute(
                "SELECT practices_refresh_facets(ARRAY(SELECT id FROM practices_practice))"
            )
        self.stdout.write(f"Zoekindex herberekend voor {count} praktijken.")
