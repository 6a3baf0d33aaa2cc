"""Mail about submissions, sent through Django's tasks framework after the data is committed.

TASKS in settings picks the backend: the immediate one by default (the task runs when the
transaction commits); a database-backed worker in production (README, "Submissions").
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone

from submissions.models import Submission

logger = logging.getLogger(__name__)


@task
def send_submission_mail(submission_id, kind):
    """kind: "received" (the submitter and the editors hear of it) or "decided"."""
    submission = Submission.objects.select_related("practice").get(pk=submission_id)
    context = {"submission": submission, "site_url": settings.SITE_URL.rstrip("/")}
    try:
        if kind == "received":
            send_mail(
                f"Ontvangen: {submission.reference}",
                render_to_string("submissions/email/received.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [submission.submitter_email],
            )
            send_mail(
                f"Nieuwe inzending {submission.reference} ({submission.get_kind_display()})",
                render_to_string("submissions/email/to_editors.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [settings.EDITORS_EMAIL],
            )
        else:
            send_mail(
                f"{submission.public_status}: {submission.reference}",
                render_to_string("submissions/email/decided.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [submission.submitter_email],
            )
    except Exception as error:
        logger.exception("Mail about submission %s failed", submission.reference)
        stamp = timezone.localtime().strftime("%d-%m-%Y %H:%M")
        problem = f"{stamp}: {kind}-mail niet verstuurd ({type(error).__name__}: {error})"
        Submission.objects.filter(pk=submission_id).update(mail_problem=problem[:1000])
        raise
