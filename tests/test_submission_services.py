"""submissions.services: every moderation step, mail after commit, retention."""

import pytest
from django.utils import timezone

from practices.models import Municipality, Practice
from submissions import services
from submissions.models import Submission
from tests import uploads
from tests.factories import MunicipalityFactory, TargetGroupFactory
from tests.submission_factories import (
    SubmissionFactory,
    SubmittedLinkFactory,
    SubmittedPlaceFactory,
)

pytestmark = pytest.mark.django_db


def test_accept_makes_a_draft_practice_from_everything_submitted(editor_user):
    submission = SubmissionFactory(photo_alt="De tuin", photo_credit="Stad Lokeren")
    submission.photo.save("x.jpg", uploads.photo(), save=True)
    youth = TargetGroupFactory()
    submission.target_groups.add(youth)
    MunicipalityFactory(name="Lokeren", slug="lokeren")
    SubmittedPlaceFactory(submission=submission, municipality_name="  lokeren ", description="Park")
    SubmittedPlaceFactory(submission=submission, municipality_name="Berlare", position=1)
    SubmittedLinkFactory(submission=submission)

    practice = services.accept_submission(submission=submission, editor=editor_user)

    assert practice.status == Practice.Status.DRAFT
    assert practice.title == "Buurtmoestuin De Linde" and practice.slug == "buurtmoestuin-de-linde"
    assert practice.goals == ["Ontmoeting", "Groen in de wijk"]
    assert list(practice.target_groups.all()) == [youth]
    assert [loc.municipality.name for loc in practice.locations.all()] == ["Lokeren", "Berlare"]
    assert Municipality.objects.filter(name__iexact="lokeren").count() == 1  # matched, not made
    assert practice.locations.first().description == "Park"
    assert [link.url for link in practice.links.all()] == ["https://www.lokeren.example/moestuin"]
    assert practice.image and practice.image_alt == "De tuin"
    # The submission is the sheet's source, dated the day it was sent.
    source = practice.sources.get()
    assert source.kind == "inzending"
    assert (
        source.title == f"Inzending {submission.reference} van {submission.submitter_organisation}"
    )
    sent = timezone.localdate(submission.created_at)
    assert (source.year, source.month, source.day) == (sent.year, sent.month, sent.day)
    assert (practice.situation_year, practice.situation_month) == (sent.year, sent.month)
    submission.refresh_from_db()
    assert submission.status == "accepted" and submission.practice == practice
    assert submission.decided_at and submission.assigned_to == editor_user
    entry = submission.log.last()
    assert (entry.editor, entry.from_status, entry.to_status) == (editor_user, "new", "accepted")


def test_two_submissions_with_the_same_title_get_their_own_slug(editor_user):
    first = services.accept_submission(submission=SubmissionFactory(), editor=editor_user)
    second = services.accept_submission(submission=SubmissionFactory(), editor=editor_user)
    assert (first.slug, second.slug) == ("buurtmoestuin-de-linde", "buurtmoestuin-de-linde-2")


def test_accepting_a_suggested_change_keeps_the_sheet_for_the_editor(editor_user):
    submission = SubmissionFactory(change=True)
    practice = services.accept_submission(submission=submission, editor=editor_user)
    assert practice == submission.practice
    submission.refresh_from_db()
    assert submission.status == "accepted"


def test_decline_needs_a_reason_the_submitter_will_see(editor_user):
    submission = SubmissionFactory()
    with pytest.raises(services.TransitionError, match="Geef een reden"):
        services.decline_submission(submission=submission, editor=editor_user, reason="  ")
    services.decline_submission(
        submission=submission, editor=editor_user, reason="Dit is geen lokaal initiatief."
    )
    submission.refresh_from_db()
    assert submission.status == "declined"
    assert submission.decline_reason == "Dit is geen lokaal initiatief."


def test_review_assign_and_spam_are_logged(editor_user):
    submission = SubmissionFactory()
    services.assign_submission(submission=submission, editor=editor_user)
    services.start_review(submission=submission, editor=editor_user)
    services.mark_spam(submission=submission, editor=editor_user)
    assert [(e.from_status, e.to_status) for e in submission.log.all()] == [
        ("new", "new"),
        ("new", "in_review"),
        ("in_review", "spam"),
    ]


@pytest.mark.parametrize("status", ["accepted", "declined", "spam"])
def test_a_decided_submission_cannot_be_decided_again(editor_user, status):
    submission = SubmissionFactory(status=status, decline_reason="reden")
    for step in (services.accept_submission, services.mark_spam, services.start_review):
        with pytest.raises(services.TransitionError, match=submission.reference):
            step(submission=submission, editor=editor_user)
    assert not Practice.objects.exists()


def test_mail_goes_out_only_after_commit(
    django_capture_on_commit_callbacks, mailoutbox, editor_user
):
    submission = SubmissionFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.decline_submission(submission=submission, editor=editor_user, reason="Dubbel")
    assert mailoutbox == [] and len(callbacks) == 1
    callbacks[0]()
    assert mailoutbox[0].to == ["an@lokeren.example"]
    assert "Dubbel" in mailoutbox[0].body


def test_a_failing_mail_server_loses_nothing_and_shows_in_the_admin(
    anonymous, settings, django_capture_on_commit_callbacks, caplog
):
    settings.MAILERS = {"default": {"BACKEND": "tests.failing_mail.FailingBackend"}}
    from tests.test_submit_practice import URL, valid_data

    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(URL, valid_data())

    assert response.status_code == 302  # the submitter sees the confirmation all the same
    submission = Submission.objects.get()
    assert "received-mail niet verstuurd" in submission.mail_problem
    assert "SMTPServerDisconnected" in submission.mail_problem
    assert "Mail about submission" in caplog.text
