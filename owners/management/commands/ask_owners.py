from django.core.management import BaseCommand

from owners.services import ask_owners


class Command(BaseCommand):
    help = (
        "Mail 'Klopt dit nog?' to the owners of published sheets due for review, and remind "
        "once those who did not answer in two weeks. Run daily (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        run = ask_owners()
        if options["verbosity"]:
            self.stdout.write(str(run))
