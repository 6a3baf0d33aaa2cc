from django.core.management import BaseCommand

from insights.services import roll_up_searches


class Command(BaseCommand):
    help = (
        "Fold the counted searches of the days before today into daily totals and delete the "
        "rows with a searcher's hash. Run daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        written = roll_up_searches()
        if options["verbosity"]:
            self.stdout.write(f"Zoekopdrachten opgeteld: {written} dagtotalen.")
