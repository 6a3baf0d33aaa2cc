from django.core.management import BaseCommand, CommandError, call_command
from django.db import transaction

from practices.content_cache import content_changed
from practices.models import Action, Category, Practice
from practices.services import record_first_revisions


class Command(BaseCommand):
    help = "Import a file made by export_databank into an empty databank (all or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file export_databank wrote")

    def handle(self, *args, path, **options):
        # The register of municipalities comes with the migrations: the file updates it.
        if any(model.objects.exists() for model in (Practice, Category, Action)):
            raise CommandError("De databank is niet leeg; importeren kan alleen in een lege.")
        with transaction.atomic():
            call_command("loaddata", path, verbosity=0)
            call_command("rebuild_search_index", verbosity=0, stdout=self.stdout)
            record_first_revisions(comment="Geïmporteerd met import_databank.")
        content_changed()  # no node serves what it cached before the import
        self.stdout.write(f"Geïmporteerd: {Practice.objects.count()} praktijken.")
