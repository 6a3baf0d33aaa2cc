from django.core.management.base import BaseCommand

from alerts.services import run_alerts


class Command(BaseCommand):
    help = (
        "Zet de meldingsmails klaar die vandaag of deze week verschuldigd zijn en wist "
        "onbevestigde inschrijvingen die verlopen zijn. Eén keer per dag draaien (cron of "
        "systemd-timer); de tasks-worker verstuurt de mails."
    )

    def handle(self, *args, **options):
        self.stdout.write(str(run_alerts()))
