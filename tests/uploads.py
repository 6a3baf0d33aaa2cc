"""Files as people upload them: real photos, fakes and oversized ones."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def photo(name="foto.jpg", image_format="JPEG", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def fake_photo():
    return SimpleUploadedFile("foto.jpg", b"<?php echo 'geen foto'; ?>", content_type="image/jpeg")


def huge_photo():
    return SimpleUploadedFile("groot.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10))
