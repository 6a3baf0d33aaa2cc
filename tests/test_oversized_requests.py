"""Requests too big, too many fields, or not UTF-8: refused cleanly, never a server error."""

import pytest
from django.test import Client

from submissions.models import Submission
from tests import uploads
from tests.test_submit_practice import URL, valid_data

pytestmark = pytest.mark.django_db


def test_a_body_bigger_than_allowed_gets_413_before_it_is_read(monkeypatch, settings):
    from django.core.handlers.wsgi import WSGIRequest

    read = []
    original = WSGIRequest.read
    monkeypatch.setattr(WSGIRequest, "read", lambda self, *a: read.append(1) or original(self, *a))
    client = Client(raise_request_exception=False)
    assert settings.MAX_REQUEST_BYTES == 11 * 1024 * 1024  # a 10 MB document and its form
    response = client.post(URL, {"description": "x" * (settings.MAX_REQUEST_BYTES + 1024)})
    assert response.status_code == 413
    assert "Dat is te groot om te versturen" in response.content.decode()
    assert read == []
    assert not Submission.objects.exists()


def test_the_largest_legitimate_request_still_goes_through(anonymous):
    from tests.uploads import photo

    big = photo(size=(10, 10))
    big.file.seek(0, 2)
    big.file.write(b"\0" * (4 * 1024 * 1024))  # a large (but valid) JPEG: trailing bytes
    big.file.seek(0)
    big.size = len(big.file.getvalue())
    response = anonymous.post(URL, valid_data(photo=big, photo_alt="De tuin"))
    assert response.status_code == 302  # stored, not refused


def test_too_many_fields_gets_a_400():
    client = Client(raise_request_exception=False)
    response = client.post(URL, {f"veld{n}": "x" for n in range(1500)})
    assert response.status_code == 400


def test_a_form_that_is_not_utf8_is_read_as_text_and_answered_with_the_form():
    client = Client(raise_request_exception=False)
    body = b"title=%FF%FE%FD&summary=caf\xe9&submitter_email=\xff@x"
    response = client.post(URL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Nog niet verzonden" in response.content.decode()


def test_a_photo_larger_than_5_mb_or_fake_is_refused_with_a_message(anonymous):
    for upload, message in [
        (uploads.huge_photo(), "De foto is te groot"),
        (uploads.fake_photo(), "geen foto die we kunnen lezen"),
    ]:
        response = anonymous.post(URL, valid_data(photo=upload, photo_alt="x"))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not Submission.objects.exists()
