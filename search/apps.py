from django.apps import AppConfig
from django.db.backends.signals import connection_created


def register_sqlite_functions(sender, connection, **kwargs):
    """The accent- and case-folding function the SQLite search uses (search.folding.Fold)."""
    if connection.vendor == "sqlite":
        from search.folding import fold

        connection.connection.create_function("databank_fold", 1, fold, deterministic=True)


class SearchConfig(AppConfig):
    """The search: parsing a URL into a search, the Dutch text search, what words reach beyond
    the texts, facets and their counts, result cards and the results page. It reads the
    practices app's models; practices never imports it."""

    name = "search"
    verbose_name = "Zoeken"

    def ready(self):
        connection_created.connect(register_sqlite_functions, dispatch_uid="databank_fold")
