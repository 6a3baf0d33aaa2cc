from django.apps import AppConfig
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
        post_migrate.connect(content_changed_by_migrations, sender=self, dispatch_uid="cache")
