from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "insights"
    verbose_name = "Wat bezoekers zoeken"

    def ready(self):
        from insights.dashboard import insight_items
        from submissions.dashboard import register

        register(insight_items)
