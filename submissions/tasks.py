"""Mail about submissions, sent through Django's tasks framework after the data is committed.

TASKS in settings picks the backend: the immediate one by default (the task runs when the
transaction commits); a database-backed worker in production (README, "Submissions").
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from submissions.dashboard import dashboard_items
from submissions.models import Submission

logger = logging.getLogger(__name__)


@task
def send_submission_mail(submission_id, kind):
    """kind: "received" (the submitter and the editors hear of it), "decided", or
    "published" (the sheet made from it is online; see send_publication_notices)."""
    submission = Submission.objects.select_related("practice").get(pk=submission_id)
    site_url = settings.SITE_URL.rstrip("/")
    context = {
        "submission": submission,
        "site_url": site_url,
        "admin_url": site_url
        + reverse("admin:submissions_submission_change", args=[submission.pk]),
    }
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
        elif kind == "published":
            send_mail(
                f"Je praktijk staat online: {submission.practice.title}",
                render_to_string("submissions/email/published.txt", context),
                settings.DEFAULT_FROM_EMAIL,
                [submission.submitter_email],
            )
            Submission.objects.filter(pk=submission_id).update(published_notice_at=timezone.now())
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


@task
def send_editors_digest():
    """The week's to-do counts for the editors, each with the admin list it stands for."""
    site_url = settings.SITE_URL.rstrip("/")
    items = [(item.label, item.count, site_url + item.url) for item in dashboard_items()]
    send_mail(
        "Weekoverzicht van de Databank Sociale Samenhang",
        render_to_string(
            "submissions/email/digest.txt",
            {"items": items, "admin_url": site_url + reverse("admin:index")},
        ),
        settings.DEFAULT_FROM_EMAIL,
        [settings.EDITORS_EMAIL],
    )
