"""Retention: every personal field and file goes when its time is up, undecided and spam
included, and the privacy page says what is done."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessLog
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from submissions import retention, services
from submissions.models import ModerationLogEntry, Submission
from tests.submission_factories import SubmissionFactory, SubmittedPlaceFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def submitted(days_ago, photo=False, **fields):
    submission = SubmissionFactory(
        submitter_phone="0470 12 34 56",
        address_hash="a" * 64,
        mail_problem="received-mail niet verstuurd (an@lokeren.example refused)",
        internal_notes="Gebeld met An, ze stuurt nog een foto.",
        photo_alt="Buren in de tuin",
        photo_credit="Foto: Jan Peeters",
        **fields,
    )
    if photo:
        submission.photo.save("inzendingen/tuin.jpg", ContentFile(b"jpeg"), save=True)
    SubmittedPlaceFactory(
        submission=submission, contact_name="An Peeters", contact_email="an@lokeren.example"
    )
    ModerationLogEntry.objects.create(
        submission=submission, to_status=submission.status, note="An belde terug."
    )
    Submission.objects.filter(pk=submission.pk).update(created_at=NOW - timedelta(days=days_ago))
    submission.refresh_from_db()
    return submission


def purge(django_capture_on_commit_callbacks, months=12):
    with django_capture_on_commit_callbacks(execute=True):
        return retention.purge_personal_data(months=months, now=NOW)


def assert_nothing_personal_left(submission):
    submission.refresh_from_db()
    assert submission.submitter_name == "(verwijderd)"
    assert submission.submitter_email == "verwijderd@invalid.example"
    assert submission.submitter_phone == submission.address_hash == ""
    assert submission.mail_problem == submission.internal_notes == ""
    assert submission.photo.name == "" and submission.photo_credit == ""
    assert submission.personal_data_removed_at == NOW
    place = submission.places.get()
    assert place.contact_name == place.contact_email == ""
    assert set(submission.log.values_list("note", flat=True)) == {""}
    # What the sheet says, and the organisation's name, stay.
    assert submission.title == "Buurtmoestuin De Linde"
    assert submission.submitter_organisation == "Stad Lokeren"
    assert place.municipality_name == "Lokeren"


def test_a_decided_submission_loses_every_personal_field_and_its_photo(
    django_capture_on_commit_callbacks,
):
    old = submitted(
        500,
        photo=True,
        status="declined",
        decline_reason="An Peeters stuurde dit al eens in.",
        decided_at=NOW - timedelta(days=400),
    )
    photo = old.photo.name
    assert default_storage.exists(photo)

    purged = purge(django_capture_on_commit_callbacks)

    assert purged.personal == 1 and purged.photos == 1
    assert_nothing_personal_left(old)
    assert old.decline_reason == retention.REMOVED_REASON
    assert not default_storage.exists(photo)


def test_an_undecided_submission_is_purged_counting_from_when_it_came_in(
    django_capture_on_commit_callbacks,
):
    forgotten = submitted(400)
    waiting = submitted(100)
    decided_lately = submitted(400, status="accepted", decided_at=NOW - timedelta(days=30))

    assert purge(django_capture_on_commit_callbacks).personal == 1

    assert_nothing_personal_left(forgotten)
    for kept in (waiting, decided_lately):
        kept.refresh_from_db()
        assert kept.submitter_email == "an@lokeren.example"
        assert kept.internal_notes and kept.places.get().contact_email


def test_spam_is_deleted_whole_after_thirty_days(django_capture_on_commit_callbacks):
    old_spam = submitted(31, photo=True, status="spam")
    photo = old_spam.photo.name
    new_spam = submitted(29, status="spam")
    old_real = submitted(31)

    assert purge(django_capture_on_commit_callbacks).spam == 1

    assert set(Submission.objects.values_list("pk", flat=True)) == {new_spam.pk, old_real.pk}
    assert not ModerationLogEntry.objects.filter(submission_id=old_spam.pk).exists()
    assert not default_storage.exists(photo)


def test_the_address_hash_lives_a_day_and_still_serves_the_rate_limit(
    django_capture_on_commit_callbacks,
):
    yesterday = submitted(2)
    for _ in range(5):
        SubmissionFactory(address_hash=services.address_hash("192.0.2.7"))

    assert purge(django_capture_on_commit_callbacks).address_hashes == 1

    yesterday.refresh_from_db()
    assert yesterday.address_hash == ""
    assert yesterday.submitter_email == "an@lokeren.example"  # not due yet
    assert services.is_rate_limited(address="192.0.2.7")


def test_mail_queue_and_login_records_go_after_thirty_days(django_capture_on_commit_callbacks):
    submission = SubmissionFactory()
    DBTaskResult.objects.create(
        task_path="submissions.tasks.send_submission_mail",
        args_kwargs={"args": [submission.pk, "received"], "kwargs": {}},
        backend_name="default",
        run_after=NOW,
        status="FAILED",
        finished_at=NOW - timedelta(days=31),
        traceback="SMTPRecipientsRefused: an@lokeren.example",
    )
    recent = DBTaskResult.objects.create(
        task_path="submissions.tasks.send_submission_mail",
        args_kwargs={"args": [submission.pk, "to_editors"], "kwargs": {}},
        backend_name="default",
        run_after=NOW,
        status="SUCCESSFUL",
        finished_at=NOW - timedelta(days=1),
    )
    old_records = [
        AccessAttempt.objects.create(
            username="redacteur", ip_address="192.0.2.8", failures_since_start=2
        ),
        AccessLog.objects.create(username="redacteur", ip_address="192.0.2.8"),
    ]
    for record in old_records:
        type(record).objects.filter(pk=record.pk).update(attempt_time=NOW - timedelta(days=31))
    AccessLog.objects.create(username="redacteur", ip_address="192.0.2.9")

    purged = purge(django_capture_on_commit_callbacks)

    assert (purged.tasks, purged.login_records) == (1, 2)
    assert list(DBTaskResult.objects.all()) == [recent]
    assert not AccessAttempt.objects.exists()
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == ["192.0.2.9"]


def test_the_command_uses_the_configured_months(capsys):
    submitted(200, status="declined", decline_reason="x", decided_at=NOW - timedelta(days=100))
    call_command("purge_submitters", "--months", "6")
    assert "uit 0 inzending" in capsys.readouterr().out
    call_command("purge_submitters", "--months", "3")
    assert "uit 1 inzending" in capsys.readouterr().out


def test_no_decision_mail_once_the_address_is_gone(
    editor_user, mailoutbox, django_capture_on_commit_callbacks
):
    forgotten = submitted(400)
    purge(django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_submission(
            submission=forgotten, editor=editor_user, reason="Te laat behandeld."
        )
    assert mailoutbox == []


def test_the_privacy_page_says_what_is_done(anonymous, settings):
    settings.SUBMITTER_DATA_MONTHS = 9
    html = anonymous.get(reverse("submissions:privacy")).content.decode()
    assert "niet terug te halen" not in html  # the old, untrue promise
    assert "kan je adres er wel uit terugvinden" in html
    assert "na 24 uur" in html
    assert "9 maanden nadat de redactie over je inzending beslist heeft" in html
    assert "als ze nog niet beslist heeft, 9 maanden na het indienen" in html
    assert "wissen we helemaal na 30 dagen" in html
    for removed in ("foto", "contactpersonen", "alles wat de redactie", "reden van een afwijzing"):
        assert removed in html
