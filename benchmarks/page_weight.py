"""What the search page weighs over the wire: HTML, CSS and JavaScript, gzip-compressed.

    .venv/bin/python benchmarks/page_weight.py

Renders /praktijken/?q=jongeren on the seed data (a fresh SQLite database in a temporary
folder), collects the static files as production serves them, and prints each part's size
raw and compressed (gzip -9, as whitenoise stores them), against the 50 KB budget.
"""

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BUDGET = 50 * 1024
PAGE = "/praktijken/?q=jongeren"


def main():
    folder = Path(tempfile.mkdtemp())
    os.environ.update(
        DATABASE_URL=f"sqlite:///{folder / 'weight.sqlite3'}",
        DJANGO_SETTINGS_MODULE="config.settings",
        ALLOWED_HOSTS="testserver",
        DEBUG="False",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    settings.STATIC_ROOT = folder / "static"
    call_command("migrate", verbosity=0)
    call_command("seed", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    html = Client().get(PAGE).content
    parts = [("HTML " + PAGE, html)]
    for url in re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        path = settings.STATIC_ROOT / url.decode().removeprefix("/static/")
        parts.append((url.decode(), path.read_bytes()))
    total = 0
    print(f"{'part':<48} {'raw':>9} {'gzip':>9}")
    for name, content in parts:
        compressed = len(gzip.compress(content, compresslevel=9))
        total += compressed
        print(f"{name:<48} {len(content):>9,} {compressed:>9,}")
    verdict = "within" if total <= BUDGET else "OVER"
    print(f"{'total':<48} {'':>9} {total:>9,}  ({verdict} the budget of {BUDGET:,} bytes)")


if __name__ == "__main__":
    main()
