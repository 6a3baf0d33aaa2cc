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


def pixel_bomb():
    """12000 × 12000 pixels of one colour: a few hundred KB that decode to gigabytes."""
    buffer = io.BytesIO()
    Image.new("1", (12000, 12000)).save(buffer, format="PNG", optimize=True)
    return SimpleUploadedFile("bom.png", buffer.getvalue(), content_type="image/png")


def truncated_jpeg():
    data = photo(size=(400, 300)).read()
    return SimpleUploadedFile("kapot.jpg", data[: len(data) // 2], content_type="image/jpeg")


def broken_png():
    """A PNG whose pixel stream is scrambled but whose checksums are right: it passes
    Pillow's verify() and fails only when decoded."""
    import struct
    import zlib

    buffer = io.BytesIO()
    Image.new("RGB", (200, 200), (10, 200, 90)).save(buffer, format="PNG")
    data = bytearray(buffer.getvalue())
    at = data.index(b"IDAT")
    length = struct.unpack(">I", data[at - 4 : at])[0]
    body = bytearray(data[at + 4 : at + 4 + length])
    body[2:] = bytes((b ^ 0x5A) for b in body[2:])  # keep the zlib header, scramble the rest
    data[at + 4 : at + 4 + length] = body
    crc = zlib.crc32(b"IDAT" + bytes(body)) & 0xFFFFFFFF
    data[at + 4 + length : at + 8 + length] = struct.pack(">I", crc)
    return SimpleUploadedFile("kapot.png", bytes(data), content_type="image/png")


def phone_mpo():
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (60, 40), (1, 2, 3)), Image.new("RGB", (60, 40), (4, 5, 6))
    first.save(buffer, format="MPO", save_all=True, append_images=[second])
    return SimpleUploadedFile("IMG_0001.JPG", buffer.getvalue(), content_type="image/jpeg")


def jpeg_with_comment(name="foto.jpeg"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (9, 9, 9)).save(buffer, format="JPEG", comment=b"geheim-adres")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")
