from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = "Inzendingen"

    def ready(self):
        from submissions import checks  # noqa: F401  (registers the deploy checks)
