from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "evidence"
    verbose_name = "Onderbouwing"

    def ready(self):
        from evidence import columns
        from evidence.admin import AssessmentInline
        from evidence.dashboard import evidence_items
        from practices.admin import register_inline
        from submissions.dashboard import register

        register(evidence_items)
        register_inline(AssessmentInline)
        columns.register()
