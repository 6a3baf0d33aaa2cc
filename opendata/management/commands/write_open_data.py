from django.core.management import BaseCommand

from opendata.databank_files import write_databank_files


class Command(BaseCommand):
    help = "Write the whole databank as CSV, XLSX and JSON for the downloads (run it hourly)."

    def handle(self, *args, **options):
        write_databank_files()
        self.stdout.write("De open-datafiles zijn geschreven.")
