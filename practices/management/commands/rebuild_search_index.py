from django.core.management import BaseCommand
from django.db import connection


class Command(BaseCommand):
    help = (
        "Recompute every practice's search vector (PostgreSQL). Triggers keep it current on "
        "every change; use this after restoring a dump taken with triggers disabled, or after "
        "changing the text search configuration."
    )

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            self.stdout.write("Alleen nodig op PostgreSQL; SQLite zoekt zonder index.")
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE practices_practice p SET search_vector = practices_search_document(p)"
            )
            self.stdout.write(f"Zoekindex herberekend voor {cursor.rowcount} praktijken.")
