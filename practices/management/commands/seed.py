from django.conf import settings
from django.core.management import BaseCommand, call_command

from practices.content_cache import content_changed
from practices.models import Action, Category, Practice
from practices.services import record_first_revisions

SEED_FIXTURES = [
    settings.BASE_DIR / "fixtures" / "databank.json",
    settings.BASE_DIR / "fixtures" / "synonyms.json",
]


class Command(BaseCommand):
    help = (
        "Load the seed data (fixtures/databank.json, fixtures/synonyms.json) into an empty "
        "databank. "
        "Does nothing when the databank already holds data, so editors' work is never overwritten."
    )

    def handle(self, *args, **options):
        # Municipalities are not asked: the official register is there from the migrations on.
        models = (Practice, Category, Action)
        if any(model.objects.exists() for model in models):
            self.stdout.write("De databank bevat al gegevens: de startgegevens blijven ongeladen.")
            return
        call_command("loaddata", *SEED_FIXTURES, verbosity=options["verbosity"])
        record_first_revisions(comment="Startversie, overgenomen uit de bronnen.")
        content_changed()
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(f"Startgegevens geladen: {Practice.objects.count()} praktijken.")
            )
