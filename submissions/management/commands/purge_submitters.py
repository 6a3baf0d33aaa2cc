from django.conf import settings
from django.core.management import BaseCommand

from submissions.retention import purge_personal_data


class Command(BaseCommand):
    help = (
        "Remove personal data whose time is up (submissions/retention.py): submitters' data "
        "SUBMITTER_DATA_MONTHS (default 12) after the decision, or after the submission when "
        "undecided; spam after 30 days; address hashes after 24 hours; mail-queue and login "
        "records after 30 days. Run it daily, e.g. from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months", type=int, default=settings.SUBMITTER_DATA_MONTHS, help="months to keep"
        )

    def handle(self, *args, months, **options):
        self.stdout.write(str(purge_personal_data(months=months)))
