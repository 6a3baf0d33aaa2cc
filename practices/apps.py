from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def register_sqlite_functions(sender, connection, **kwargs):
    """The accent- and case-folding function the SQLite search uses (practices.search.Fold)."""
    if connection.vendor == "sqlite":
        from practices.search import fold

        connection.connection.create_function("databank_fold", 1, fold, deterministic=True)


def content_changed_by_migrations(sender, **kwargs):
    """A migration can change content (the register of municipalities): nothing cached
    before it is served after it."""
    from practices.content_cache import content_changed

    content_changed()


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Praktijken"

    def ready(self):
        connection_created.connect(register_sqlite_functions, dispatch_uid="databank_fold")
        post_migrate.connect(content_changed_by_migrations, sender=self, dispatch_uid="cache")
