from django.core.management import BaseCommand

from submissions.models import Submission
from submissions.tasks import send_submission_mail


class Command(BaseCommand):
    help = (
        "Tell submitters whose accepted practice is now published (one mail each, once). "
        "Run it every few minutes: publishing happens in the practices admin, which does not "
        "know about submissions."
    )

    def handle(self, *args, **options):
        ids = list(Submission.objects.awaiting_publication_notice().values_list("pk", flat=True))
        for submission_id in ids:
            send_submission_mail.enqueue(submission_id, "published")
        self.stdout.write(f"{len(ids)} publicatiemelding(en) in de wachtrij gezet.")
