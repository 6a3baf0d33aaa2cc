"""Memory a photo costs a worker: the submission form's checks and the re-encoding, measured
as the peak resident size of a fresh process per photo (loopback nothing; files made here).

    .venv/bin/python benchmarks/photo_memory.py

Prints, per kind of photo, the process's peak RSS above its size after Django's setup.
"""

import io
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KINDS = {
    "25 MP RGBA PNG (flat)": ("PNG", "RGBA", (5000, 5000)),
    "12 MP RGBA PNG (flat)": ("PNG", "RGBA", (4000, 3000)),
    "48 MP JPEG (8000 × 6000)": ("JPEG", "RGB", (8000, 6000)),
    "24 MP JPEG (6000 × 4000)": ("JPEG", "RGB", (6000, 4000)),
    "12 MP JPEG (4000 × 3000)": ("JPEG", "RGB", (4000, 3000)),
}

MEASURE = """
import io, os, resource, sys
import django
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from submissions.photos import PhotoField
from submissions.services import reencoded_photo
from django.core.exceptions import ValidationError
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
upload = SimpleUploadedFile("foto", data)
try:
    stored = len(reencoded_photo(PhotoField(required=False).clean(upload)))
except ValidationError:
    stored = -1  # refused before decoding
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print((after - before) // 1024, stored)
"""


def make(fmt, mode, size, path):
    from PIL import Image

    image = Image.new(mode, size, (120, 160, 200, 255)[: len(mode)])
    out = io.BytesIO()
    image.save(out, format=fmt, **({"quality": 85} if fmt == "JPEG" else {}))
    path.write_bytes(out.getvalue())
    return len(out.getvalue())


def main():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
    tmp = Path(os.getenv("TMPDIR", "/tmp")) / "databank-photo-memory"
    tmp.mkdir(exist_ok=True)
    print(f"{'photo':28} {'file':>9} {'peak MB':>8} {'stored':>9}")
    for name, (fmt, mode, size) in KINDS.items():
        path = tmp / f"{fmt}-{size[0]}x{size[1]}.{fmt.lower()}"
        file_size = make(fmt, mode, size, path)
        done = subprocess.run(
            [sys.executable, "-c", MEASURE, str(path)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        peak, stored = done.stdout.split()[-2:]
        kept = "geweigerd" if int(stored) < 0 else f"{int(stored) // 1024} KB"
        print(f"{name:28} {file_size // 1024:>7} KB {peak:>8} {kept:>9}")


if __name__ == "__main__":
    main()
