from django.core.management import BaseCommand
from django.db import connection, transaction

from practices.dictionary import REBUILD_BATCH, rebuild_vectors, rebuild_vectors_compactly


class Command(BaseCommand):
    help = (
        "Recompute every practice's search vector and facet index row (PostgreSQL). Triggers "
        "keep both current on every change; use this after loading data with the triggers off "
        "or after changing the text search configuration. Run on its own, it works in batches "
        "with a VACUUM after each, so that the practice table keeps its size; called inside a "
        "transaction (import_databank), in one statement."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch",
            type=int,
            default=REBUILD_BATCH,
            help=f"practices a batch (default {REBUILD_BATCH})",
        )

    def handle(self, *args, batch=REBUILD_BATCH, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Alleen nodig op PostgreSQL; SQLite zoekt zonder index.")
            return
        on_its_own = not connection.in_atomic_block
        if on_its_own:
            count = rebuild_vectors_compactly(connection, batch=max(1, batch))
        else:
            count = rebuild_vectors(connection)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM practices_facetindex")
            cursor.execute(
                "SELECT practices_refresh_facets(ARRAY(SELECT id FROM practices_practice))"
            )
        if on_its_own:
            with connection.cursor() as cursor:
                # The planner's statistics of the new vectors; the facet rows just replaced.
                cursor.execute("VACUUM (ANALYZE) practices_practice, practices_facetindex")
        self.stdout.write(f"Zoekindex herberekend voor {count} praktijken.")
