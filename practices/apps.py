from django.apps import AppConfig
from django.db.backends.signals import connection_created


def register_sqlite_functions(sender, connection, **kwargs):
    """The accent- and case-folding function the SQLite search uses (practices.search.Fold)."""
    if connection.vendor == "sqlite":
        from practices.search import fold

        connection.connection.create_function("databank_fold", 1, fold, deterministic=True)


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Praktijken"

    def ready(self):
        connection_created.connect(register_sqlite_functions, dispatch_uid="databank_fold")
