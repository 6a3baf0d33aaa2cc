"""Photos that attack or are broken: refused with a Dutch message beside the field, the rest
of the form kept, no server error; what is kept has no hidden text."""

import pytest
from django.urls import reverse
from PIL import Image

from submissions.models import Submission
from tests import uploads
from tests.test_submit_practice import valid_data

pytestmark = pytest.mark.django_db
URL = reverse("submissions:submit_practice")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (uploads.pixel_bomb, "te veel pixels (12000 × 12000); hoogstens 12 megapixel voor een PNG"),
        (uploads.truncated_jpeg, "Deze foto is beschadigd of onvolledig"),
        (uploads.broken_png, "Deze foto is beschadigd of onvolledig"),
    ],
)
def test_a_dangerous_or_damaged_photo_gets_a_message_and_keeps_the_form(anonymous, upload, message):
    response = anonymous.post(URL, valid_data(photo=upload(), photo_alt="De tuin"))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert 'value="Buurtmoestuin De Linde"' in html and "De tuin" in html
    assert not Submission.objects.exists()


def test_the_pixel_limit_is_checked_before_decoding(anonymous, monkeypatch):
    bomb = uploads.pixel_bomb()
    decoded = []
    original = Image.Image.load

    def load(image):
        decoded.append(image.size)
        return original(image)

    monkeypatch.setattr(Image.Image, "load", load)
    response = anonymous.post(URL, valid_data(photo=bomb, photo_alt="x"))
    assert "te veel pixels" in response.content.decode()
    assert (12000, 12000) not in decoded


def test_a_phone_photo_in_mpo_is_accepted_as_a_jpeg(anonymous):
    response = anonymous.post(URL, valid_data(photo=uploads.phone_mpo(), photo_alt="De tuin"))
    assert response.status_code == 302
    stored = Submission.objects.get().photo
    assert stored.name.endswith(".jpg")
    with Image.open(stored) as image:
        assert image.format == "JPEG"


def test_the_name_of_the_file_does_not_matter_its_content_does(anonymous):
    upload = uploads.jpeg_with_comment(name="foto.jfif")
    assert anonymous.post(URL, valid_data(photo=upload, photo_alt="x")).status_code == 302


def test_a_jpeg_comment_does_not_survive(anonymous):
    anonymous.post(URL, valid_data(photo=uploads.jpeg_with_comment(), photo_alt="x"))
    stored = Submission.objects.get().photo
    data = stored.read()
    assert b"geheim-adres" not in data
    with Image.open(stored) as image:
        assert "comment" not in image.info


def test_an_address_over_its_limit_costs_no_image_work(anonymous, monkeypatch):
    from PIL import Image as PillowImage

    from submissions import services

    for n in range(services.RATE_LIMIT):
        anonymous.post(URL, valid_data(title=f"Praktijk {n}"))
    assert Submission.objects.count() == services.RATE_LIMIT
    opened = []
    real_open = PillowImage.open
    monkeypatch.setattr(PillowImage, "open", lambda *a, **k: opened.append(1) or real_open(*a, **k))
    response = anonymous.post(URL, valid_data(photo=uploads.photo(), photo_alt="De tuin"))
    html = response.content.decode()
    assert "veel inzendingen van dit adres" in html
    assert 'value="Buurtmoestuin De Linde"' in html  # the form is kept
    assert "Kies je foto opnieuw" in html or "foto opnieuw" in html
    assert opened == []
    assert Submission.objects.count() == services.RATE_LIMIT
