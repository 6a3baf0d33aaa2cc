from django.apps import AppConfig
from django.db import connections
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


def content_changed_by_migrations(sender, **kwargs):
    """A migration can change content (the register of municipalities): nothing cached
    before it is served after it."""
    from practices.content_cache import content_changed

    content_changed()


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = "Praktijken"

    def ready(self):
        from practices.content_writes import watch_connection

        post_migrate.connect(content_changed_by_migrations, sender=self, dispatch_uid="cache")
        # A committed write to the content, by any path, replaces the content version.
        connection_created.connect(watch_connection, dispatch_uid="content_writes")
        for connection in connections.all(initialized_only=True):
            watch_connection(sender=None, connection=connection)
