from django.core.management import BaseCommand

from submissions.tasks import send_editors_digest


class Command(BaseCommand):
    help = "Queue the weekly digest for the editors (run it once a week, e.g. Monday 8:00)."

    def handle(self, *args, **options):
        send_editors_digest.enqueue()
        self.stdout.write("Weekoverzicht voor de redactie in de wachtrij gezet.")
