from datetime import timedelta

from django.conf import settings
from django.core.management import BaseCommand
from django.utils import timezone

from submissions.services import purge_submitter_data


class Command(BaseCommand):
    help = (
        "Remove submitters' personal data a set time after the decision on their submission "
        "(SUBMITTER_DATA_MONTHS, default 12). Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=settings.SUBMITTER_DATA_MONTHS, help="months to keep"
        )

    def handle(self, *args, months, **options):
        cutoff = timezone.now() - timedelta(days=round(months * 30.44))
        count = purge_submitter_data(decided_before=cutoff)
        self.stdout.write(f"Persoonsgegevens verwijderd uit {count} inzending(en).")
