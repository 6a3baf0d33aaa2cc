"""The photo a submitter may send: judged by its content, not its name, and read to the end
before it is accepted (a damaged file gets a message, never a server error later)."""

import warnings
import zlib

from django import forms
from PIL import Image

MAX_PHOTO_BYTES = 5 * 1024 * 1024
# A JPEG is checked and re-encoded at a reduced scale (Pillow's draft: an eighth, then at
# most services.PHOTO_MAX_SIDE), so its size costs little memory; a PNG or WebP is decoded
# whole, about 4 bytes a pixel: 12 megapixel keeps a worker within 150 MB
# (benchmarks/photo_memory.py).
MAX_PHOTO_PIXELS = 50_000_000
MAX_DECODED_PIXELS = 12_000_000  # PNG and WebP
REDUCED_FORMATS = {"JPEG", "MPO"}
PHOTO_FORMATS = {"JPEG", "MPO", "PNG", "WEBP"}  # MPO: phone photos, a JPEG with extra frames
UNREADABLE = (OSError, SyntaxError, ValueError, EOFError, zlib.error, Image.DecompressionBombError)


class PhotoField(forms.ImageField):
    """A JPEG, PNG or WebP photo of at most 5 MB and 50 megapixel (PNG and WebP: 12), judged
    by its content (not
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
            "De foto heeft te veel pixels{}; hoogstens {} megapixel{}. Verklein ze en kies ze "
            "opnieuw."
        )
        try:
            with Image.open(data) as probe:
                width, height = probe.size
                reduced = probe.format in REDUCED_FORMATS
        except Image.DecompressionBombError:
            message = too_many.format("", MAX_PHOTO_PIXELS // 1_000_000, "")
            raise forms.ValidationError(message, code="too_many_pixels") from None
        except UNREADABLE:
            return  # not an image: the next check says so
        finally:
            data.seek(0)
        limit = MAX_PHOTO_PIXELS if reduced else MAX_DECODED_PIXELS
        if width * height > limit:
            kind = "" if reduced else " voor een PNG of WebP (een JPEG mag groter)"
            message = too_many.format(f" ({width} × {height})", limit // 1_000_000, kind)
            raise forms.ValidationError(message, code="too_many_pixels")

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
                if image.format in REDUCED_FORMATS:  # every block read, at an eighth
                    image.draft(image.mode, (image.width // 8, image.height // 8))
                image.load()  # a truncated JPEG or a broken PNG stream fails here
        except UNREADABLE:
            raise forms.ValidationError(
                "Deze foto is beschadigd of onvolledig en kan niet gelezen worden. Kies een "
                "andere foto.",
                code="damaged",
            ) from None
        photo.seek(0)
        return photo
