from django.apps import AppConfig


class OwnersConfig(AppConfig):
    name = "owners"
    verbose_name = "Eigenaars van fiches"

    def ready(self):
        from owners.dashboard import owner_items
        from submissions.dashboard import register

        register(owner_items)
