"""Every mail carries its link: the editors' notice, the status page, the publication."""

import pytest
from django.core.management import call_command

from practices.models import Practice
from submissions import services
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = "https://databank.example"


def test_the_editors_notice_links_the_submission_in_the_admin(mailoutbox):
    from submissions.tasks import send_submission_mail

    submission = SubmissionFactory(submitter_name="Sarah D'Hondt")
    send_submission_mail.call(submission.pk, "received")
    send_submission_mail.call(submission.pk, "to_editors")
    to_submitter, to_editors = mailoutbox
    assert (
        f"https://databank.example/beheer/submissions/submission/{submission.pk}/change/"
        in to_editors.body
    )
    assert f"https://databank.example{submission.get_absolute_url()}" in to_submitter.body
    assert "Sarah D'Hondt" in to_submitter.body  # plain text, not HTML-escaped


def test_the_submitter_hears_once_when_the_sheet_is_published(mailoutbox, editor_user):
    submission = SubmissionFactory()
    practice = services.accept_submission(submission=submission, editor=editor_user)
    mailoutbox.clear()
    call_command("send_publication_notices")
    assert mailoutbox == []  # still a draft

    Practice.objects.filter(pk=practice.pk).publish()
    call_command("send_publication_notices")
    (mail,) = mailoutbox
    assert mail.to == [submission.submitter_email]
    assert f"https://databank.example{practice.get_absolute_url()}" in mail.body
    submission.refresh_from_db()
    assert submission.published_notice_at is not None

    call_command("send_publication_notices")
    assert len(mailoutbox) == 1  # once


def test_no_publication_mail_after_the_personal_data_are_gone(mailoutbox, editor_user):
    from django.utils import timezone

    submission = SubmissionFactory()
    practice = services.accept_submission(submission=submission, editor=editor_user)
    Practice.objects.filter(pk=practice.pk).publish()
    type(submission).objects.filter(pk=submission.pk).update(
        personal_data_removed_at=timezone.now(), submitter_email=""
    )
    mailoutbox.clear()
    call_command("send_publication_notices")
    assert mailoutbox == []


def test_a_refused_submitter_address_does_not_stop_the_editors_notice(
    anonymous, mailoutbox, settings, django_capture_on_commit_callbacks
):
    from tests.test_submit_practice import URL, valid_data

    settings.MAILERS = {"default": {"BACKEND": "tests.test_moderation_mails.RefusingBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        response = anonymous.post(URL, valid_data(submitter_email="weigert@lokeren.example"))
    assert response.status_code == 302
    assert [mail.to for mail in RefusingBackend.sent] == [[settings.EDITORS_EMAIL]]


class RefusingBackend:
    """A mail server that refuses one address and delivers the rest."""

    sent = []

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        import smtplib

        for message in messages:
            if "weigert@lokeren.example" in message.to:
                raise smtplib.SMTPRecipientsRefused({"weigert@lokeren.example": (550, b"no")})
            RefusingBackend.sent.append(message)
        return len(messages)
