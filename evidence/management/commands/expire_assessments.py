from django.core.management.base import BaseCommand

from evidence.services import expire_assessments


class Command(BaseCommand):
    help = (
        "Zet praktijken waarvan de laatste beoordeling verlopen is terug op ‘Beschreven’ "
        "(dagelijks)."
    )

    def handle(self, *args, **options):
        changed = expire_assessments()
        self.stdout.write(f"{changed} praktijk(en) terug op ‘Beschreven’.")
