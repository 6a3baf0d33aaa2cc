from datetime import timedelta

from django.apps import apps
from django.core.management import BaseCommand
from django.utils import timezone

# The upload folders and the fields that point into them (models by label: the evidence app's
# documents too, without this app importing it).
FOLDERS = [
    ("inzendingen", "submissions.Submission", "photo"),
    ("inzendingen-materiaal", "submissions.Submission", "material_file"),
    ("praktijken", "practices.Practice", "image"),
    ("materiaal", "practices.PracticeMaterial", "file"),
    ("onderbouwing", "evidence.AssessmentDocument", "file"),
]


class Command(BaseCommand):
    help = (
        "Delete uploaded files that no row points to (a worker that died after writing a "
        "photo and before its transaction committed leaves one). Only files older than "
        "--min-age-hours, so an upload in progress is never touched. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-hours", type=float, default=1)
        parser.add_argument("--dry-run", action="store_true", help="list, do not delete")

    def handle(self, *args, min_age_hours, dry_run, **options):
        cutoff = timezone.now() - timedelta(hours=min_age_hours)
        removed = 0
        for folder, label, field_name in FOLDERS:
            model = apps.get_model(label)
            storage = model._meta.get_field(field_name).storage
            if not storage.exists(folder):
                continue
            known = set(
                model.objects.exclude(**{field_name: ""}).values_list(field_name, flat=True)
            )
            for name in storage.listdir(folder)[1]:
                path = f"{folder}/{name}"
                if path in known or storage.get_modified_time(path) >= cutoff:
                    continue
                self.stdout.write(f"{'zou wissen' if dry_run else 'gewist'}: {path}")
                if not dry_run:
                    storage.delete(path)
                removed += 1
        verb = "zouden gewist worden" if dry_run else "gewist"
        self.stdout.write(f"{removed} bestand(en) zonder inzending of fiche {verb}.")
