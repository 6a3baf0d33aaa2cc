"""The photo a submitter may send: judged by its content, not its name, and read to the end
before it is accepted (a damaged file gets a message, never a server error later)."""

import warnings
import zlib

from django import forms
from PIL import Image

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# Decoding costs about 4 bytes a pixel (twice, with the rotation copy): 25 megapixel keeps a
# worker well under 300 MB, and a phone photo of 6000 × 4000 still fits.
MAX_PHOTO_PIXELS = 25_000_000
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}  # MPO: phone photos, a JPEG with extra frames
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, zlib.error, Image.DecompressionBombError)


class PhotoField(forms.ImageField):
    """A JPEG, PNG or WebP photo of at most 5 MB and 25 megapixel, judged by its content (not
    its name), and read to the end before it is accepted: a damaged file gets a message here,
    never a server error later."""

    default_validators = []  # the file name's extension says nothing; the content does
    default_error_messages = {
        "invalid_image": "Dit bestand is geen foto die we kunnen lezen. Kies een JPEG, PNG of "
        "WebP.",
    }

    @staticmethod
    def _refuse_too_many_pixels(data):
        """Read the size from the header (nothing is decoded) and refuse a pixel bomb."""
        if not data or not hasattr(data, "read"):
            return
        too_many = (
            "De foto heeft te veel pixels{}; hoogstens 25 megapixel. Verklein ze en kies ze "
            "opnieuw."
        )
        try:
            with Image.open(data) as probe:
                width, height = probe.size
        except Image.DecompressionBombError:
            raise forms.ValidationError(too_many.format(""), code="too_many_pixels") from None
        except UNREADABLE:
            return  # not an image: the next check says so
        finally:
            data.seek(0)
        if width * height > MAX_PHOTO_PIXELS:
            raise forms.ValidationError(
                too_many.format(f" ({width} × {height})"), code="too_many_pixels"
            )

    def to_python(self, data):
        if data and data.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(
                f"De foto is te groot ({data.size / 1024 / 1024:.1f} MB); hoogstens 5 MB.",
                code="too_large",
            )
        with warnings.catch_warnings():
            # Pillow warns about (or refuses) huge images itself; we answer with a message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            self._refuse_too_many_pixels(data)
            photo = super().to_python(data)
        if not photo:
            return photo
        if photo.image.format not in PHOTO_FORMATS:
            raise forms.ValidationError(
                "Alleen JPEG, PNG of WebP kan; dit bestand is iets anders.", code="format"
            )
        try:
            photo.seek(0)
            with Image.open(photo) as image:
                image.load()  # a truncated JPEG or a broken PNG stream fails here
        except UNREADABLE:
            raise forms.ValidationError(
                "Deze foto is beschadigd of onvolledig en kan niet gelezen worden. Kies een "
                "andere foto.",
                code="damaged",
            ) from None
        photo.seek(0)
        return photo
