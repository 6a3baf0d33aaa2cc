from django.core.management import BaseCommand, CommandError
from django.db import connection, transaction

from practices import dictionary


class Command(BaseCommand):
    help = (
        "Put the Dutch dictionary (deploy/install_dutch_dictionary.py) in the PostgreSQL search "
        "and recompute the search vectors; --off goes back to the stemmer alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--off", action="store_true", help="stop using the dictionary")

    def handle(self, *args, off=False, **options):
        if connection.vendor != "postgresql":
            raise CommandError("Alleen op PostgreSQL; SQLite zoekt zonder woordenboek.")
        with transaction.atomic():
            if off:
                dictionary.disable(connection)
            elif not dictionary.enable(connection):
                raise CommandError(
                    "Het woordenboek databank_nl staat niet op de databankserver: "
                    "voer daar deploy/install_dutch_dictionary.py uit (pakket hunspell-nl)."
                )
            dictionary.rebuild_vectors(connection)
        state = "gebruikt" if dictionary.in_use(connection) else "gebruikt niet"
        self.stdout.write(f"De zoekfunctie {state} het Nederlandse woordenboek.")
