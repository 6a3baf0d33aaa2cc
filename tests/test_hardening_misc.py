"""Smaller hardening: the status page is never cached, production refuses the public key,
and editors cannot delete what was submitted nor its moderation log."""

import pytest
from django.urls import reverse

from tests.deploy_check import check_deploy
from tests.submission_factories import SubmissionFactory

pytestmark = pytest.mark.django_db


def test_the_status_page_is_private_and_never_stored(anonymous):
    submission = SubmissionFactory()
    response = anonymous.get(submission.get_absolute_url())
    cache = response["Cache-Control"]
    assert "private" in cache and "no-store" in cache


@pytest.mark.parametrize("key", [None, "insecure-development-key-change-me-in-production"])
def test_check_deploy_fails_with_a_missing_or_public_secret_key(tmp_path, key):
    result = check_deploy(tmp_path, SECRET_KEY=key)
    assert result.returncode != 0
    assert "databank.E002" in result.stderr + result.stdout


def test_editors_cannot_delete_submissions_or_their_log(editor):
    submission = SubmissionFactory()
    url = reverse("admin:submissions_submission_delete", args=[submission.pk])
    assert editor.post(url, {"post": "yes"}).status_code == 403
    changelist = editor.get(reverse("admin:submissions_submission_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    assert type(submission).objects.filter(pk=submission.pk).exists()


def test_the_admin_photo_preview_needs_no_inline_style(editor):
    from tests import uploads

    submission = SubmissionFactory(photo_alt="De tuin")
    submission.photo.save("x.jpg", uploads.photo(), save=True)
    html = editor.get(
        reverse("admin:submissions_submission_change", args=[submission.pk])
    ).content.decode()
    assert 'alt="De tuin" width="384">' in html
    assert "max-width:24rem" not in html


def test_the_rate_limit_query_has_an_index():
    from submissions.models import Submission

    names = {index.name for index in Submission._meta.indexes}
    assert "submission_rate_limit" in names
