from django.core.management import BaseCommand

from imports.services import discard_stale_imports


class Command(BaseCommand):
    help = (
        "Remove checked import files nobody confirmed within IMPORT_KEEP_MINUTES, and the "
        "reports of finished imports after a week (run it hourly)."
    )

    def handle(self, *args, **options):
        removed = discard_stale_imports()
        self.stdout.write(f"{removed} import(s) verwijderd.")
