"""Mail about submissions, sent through Django's tasks framework after the data is committed.

TASKS in settings picks the backend: by default the tasks are rows in the database that a
worker (`manage.py db_worker`) sends, so no request waits for a mail server; the immediate
backend (the tests) sends when the transaction commits.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db.models import Case, TextField, Value, When
from django.db.models.functions import Concat
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from submissions.dashboard import dashboard_items
from submissions.models import Submission

logger = logging.getLogger(__name__)


def _what(submission):
    """'Je fiche ‘Buurtmoestuin’' or 'Je voorstel voor ‘Pleinmakers’': what a mail is about."""
    if submission.kind == Submission.Kind.CHANGE and submission.practice_id:
        return f"Je voorstel voor ‘{submission.practice.title}’"
    return f"Je fiche ‘{submission.title}’"


# One mail per task: a refused address (the submitter's) never stops another mail (the
# editors' notice), and a worker retries each on its own.
MAILS = {
    "received": (
        lambda s: f"{_what(s)} is ontvangen – Databank Sociale Samenhang ({s.reference})",
        "submissions/email/received.txt",
        lambda s: [s.submitter_email],
    ),
    "to_editors": (
        lambda s: f"Nieuwe inzending {s.reference} ({s.get_kind_display()})",
        "submissions/email/to_editors.txt",
        lambda s: [settings.EDITORS_EMAIL],
    ),
    "decided": (
        lambda s: (
            f"{_what(s)}: {s.public_status.lower()} – Databank Sociale Samenhang ({s.reference})"
        ),
        "submissions/email/decided.txt",
        lambda s: [s.submitter_email],
    ),
    "published": (
        lambda s: f"Je praktijk staat online: {s.practice.title}",
        "submissions/email/published.txt",
        lambda s: [s.submitter_email],
    ),
}


# A mail that fails is tried again this long after each failure (a worker backend only).
RETRY_AFTER = [timedelta(minutes=5), timedelta(hours=1), timedelta(hours=6)]


@task
def send_submission_mail(submission_id, kind, attempt=1):
    """One mail about a submission. kind: "received" (to the submitter), "to_editors",
    "decided", or "published" (the sheet made from it is online; see
    send_publication_notices). A failure is noted on the submission and, with a worker,
    retried later (RETRY_AFTER)."""
    submission = Submission.objects.select_related("practice").get(pk=submission_id)
    site_url = settings.SITE_URL.rstrip("/")
    context = {
        "submission": submission,
        "site_url": site_url,
        "admin_url": site_url
        + reverse("admin:submissions_submission_change", args=[submission.pk]),
    }
    subject, template, recipients = MAILS[kind]
    try:
        send_mail(
            subject(submission),
            render_to_string(template, context),
            settings.DEFAULT_FROM_EMAIL,
            recipients(submission),
        )
    except Exception as error:
        logger.exception("Mail about submission %s failed", submission.reference)
        stamp = timezone.localtime().strftime("%d-%m-%Y %H:%M")
        problem = f"{stamp}: {kind}-mail niet verstuurd ({type(error).__name__}: {error})"
        # Added to what is there: each mail is its own task, and each failure counts.
        problem = problem[:1000]
        Submission.objects.filter(pk=submission_id).update(
            mail_problem=Case(
                When(mail_problem="", then=Value(problem)),
                default=Concat("mail_problem", Value("\n" + problem), output_field=TextField()),
                output_field=TextField(),
            )
        )
        _retry_later(submission_id, kind, attempt)
        raise
    if kind == "published":
        Submission.objects.filter(pk=submission_id).update(published_notice_at=timezone.now())


def _retry_later(submission_id, kind, attempt):
    if attempt > len(RETRY_AFTER) or not send_submission_mail.get_backend().supports_defer:
        return
    send_submission_mail.using(run_after=timezone.now() + RETRY_AFTER[attempt - 1]).enqueue(
        submission_id, kind, attempt=attempt + 1
    )


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
