"""Production mail: queued in the database and sent by `manage.py db_worker`, so a mail server
that hangs holds up the worker, never a visitor's request."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from submissions.models import Submission
from tests.test_submit_practice import URL, valid_data

pytestmark = pytest.mark.django_db

SMTP = "django.core.mail.backends.smtp.EmailBackend"


@pytest.fixture
def worker_backend(settings, monkeypatch):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # The worker closes connections it thinks stale; the test's transaction is not.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_a_submission_only_queues_its_mails(
    anonymous, settings, worker_backend, silent_port, django_capture_on_commit_callbacks
):
    settings.MAILERS = {
        "default": {
            "BACKEND": SMTP,
            "OPTIONS": {"host": "127.0.0.1", "port": silent_port, "timeout": 1},
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(URL, valid_data())
    assert response.status_code == 302
    queued = DBTaskResult.objects.order_by("enqueued_at")
    assert [task.args_kwargs["args"][1] for task in queued] == ["received", "to_editors"]
    assert {task.status for task in queued} == {"READY"}
    assert Submission.objects.get().mail_problem == ""  # nothing was tried in the request

    # The worker meets the hanging server: each mail times out, is noted and retried later.
    run_worker()
    submission = Submission.objects.get()
    assert submission.mail_problem.count("niet verstuurd (") == 2
    assert "timed out" in submission.mail_problem
    retries = DBTaskResult.objects.filter(status="READY")
    assert retries.count() == 2
    assert all(task.run_after > timezone.now() for task in retries)
    assert {task.args_kwargs["kwargs"]["attempt"] for task in retries} == {2}


def test_a_retried_mail_goes_out_once_the_server_is_back(
    settings, worker_backend, mailoutbox, django_capture_on_commit_callbacks
):
    from submissions.tasks import send_submission_mail
    from tests.submission_factories import SubmissionFactory

    submission = SubmissionFactory()
    settings.MAILERS = {"default": {"BACKEND": "tests.failing_mail.FailingBackend"}}
    send_submission_mail.enqueue(submission.pk, "received")
    run_worker()
    assert mailoutbox == []
    retry = DBTaskResult.objects.get(status="READY")

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_worker()
    (mail,) = mailoutbox
    assert mail.to == [submission.submitter_email]
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_retries_stop_after_the_last_interval(settings, worker_backend):
    from submissions.tasks import RETRY_AFTER, send_submission_mail
    from tests.submission_factories import SubmissionFactory

    submission = SubmissionFactory()
    settings.MAILERS = {"default": {"BACKEND": "tests.failing_mail.FailingBackend"}}
    send_submission_mail.enqueue(submission.pk, "received")
    for _ in range(len(RETRY_AFTER) + 1):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        run_worker()
    assert DBTaskResult.objects.filter(status="FAILED").count() == len(RETRY_AFTER) + 1
    assert not DBTaskResult.objects.filter(status="READY").exists()
    submission.refresh_from_db()
    assert submission.mail_problem.count("received-mail niet verstuurd") == len(RETRY_AFTER) + 1
