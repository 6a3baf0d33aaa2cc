from django.apps import AppConfig


class AdoptionsConfig(AppConfig):
    name = "adoptions"
    verbose_name = "Ook toegepast in"

    def ready(self):
        from adoptions.dashboard import adoption_items
        from submissions.dashboard import register

        register(adoption_items)
