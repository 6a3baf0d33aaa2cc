from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.db.models.functions import Now

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
        with transaction.atomic():
            call_command("loaddata", *SEED_FIXTURES, verbosity=options["verbosity"])
            # "In de databank sinds" is this databank's own fact: the day the seed is loaded
            # here, not a date written into the fixture.
            Practice.objects.update(published_at=Now(), created_at=Now())
        record_first_revisions(comment="Startversie, overgenomen uit de bronnen.")
        content_changed()
        if options["verbosity"]:
            self.stdout.write(
                self.style.SUCCESS(f"Startgegevens geladen: {Practice.objects.count()} praktijken.")
            )
