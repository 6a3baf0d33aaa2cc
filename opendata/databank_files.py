"""The whole databank as files (CSV, XLSX, JSON), written by the task worker and served as
they are: the common download (/praktijken/export.csv without a search) costs the site a
file read, with ETag and Last-Modified so that a client that has it gets 304.

A file belongs to one content version (practices.content_cache): after any change to the
content the next download asks the worker for new files and is computed meanwhile (as a
filtered export is). `manage.py write_open_data` writes them too (hourly, from cron)."""

import contextlib
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.tasks import task
from django.utils import timezone

from config.links import site_url
from opendata.exports import csv_chunks, export_rows, json_chunks, xlsx_file
from practices.content_cache import CACHE_ERRORS, content_version
from practices.models import Practice

FORMATS = ("csv", "xlsx", "json")


def folder():
    return Path(settings.MEDIA_ROOT) / "open-data"


def _path(fmt):
    return folder() / f"praktijken.{fmt}"


def _version_path():
    return folder() / "versie.txt"


def current(fmt):
    """(path, version) of the file for this content version, or None."""
    version = content_version()
    try:
        written = _version_path().read_text().strip()
    except OSError:
        return None
    if version is None or written != version or not _path(fmt).exists():
        return None
    return _path(fmt), version


def ask_for_files():
    """Have the worker write the files, once (the first asker after a change)."""
    try:
        if not cache.add("open-data-files-asked", content_version() or "", timeout=300):
            return
    except CACHE_ERRORS:
        return
    write_databank_files_later.enqueue()


def write_databank_files():
    """Write the three files of the published practices, each whole before it replaces the
    one before (a download never sees half a file)."""
    version = content_version() or ""
    folder().mkdir(parents=True, exist_ok=True)
    site = site_url()
    meta = {
        "bron": f"{site}/praktijken/export.json",
        "aangemaakt": timezone.now().isoformat(timespec="seconds"),
    }
    for fmt in FORMATS:
        rows = export_rows(Practice.objects.published().order_by("title", "pk"), site_url=site)
        temporary = _path(fmt).with_suffix(f".{fmt}.tmp")
        with temporary.open("wb") as out:
            if fmt == "xlsx":
                with xlsx_file(rows) as made:
                    out.write(made.read())
            else:
                chunks = csv_chunks(rows) if fmt == "csv" else json_chunks(rows, meta=meta)
                for chunk in chunks:
                    out.write(chunk.encode())
        os.replace(temporary, _path(fmt))
    _version_path().write_text(version)
    with contextlib.suppress(CACHE_ERRORS):
        cache.delete("open-data-files-asked")
    return version


@task
def write_databank_files_later():
    write_databank_files()
