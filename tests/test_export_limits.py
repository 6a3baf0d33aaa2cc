"""Exports that cannot starve the site: the whole databank comes from files the worker
wrote (ETag, Last-Modified, 304); a filtered export counts against the client's API throttle
and takes one of a few site-wide slots, or gets 429 with Retry-After."""

import pytest
from django.core.cache import cache
from django.db import connection, connections

from opendata import databank_files, export_limits
from opendata.throttles import ClientThrottle
from practices.content_cache import content_changed
from tests.factories import PracticeFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def real_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def databank(real_cache):
    return [PracticeFactory(title=f"Praktijk {n}") for n in range(3)]


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_the_whole_databank_is_served_from_the_workers_file(client, databank, fmt):
    first = client.get(f"/praktijken/export.{fmt}")  # asks the worker (at once in tests)
    assert first.status_code == 200
    body(first)
    path, version = databank_files.current(fmt)
    assert path.exists()
    served = client.get(f"/praktijken/export.{fmt}")
    assert served["ETag"] == f'"{version}-{fmt}"' and served.has_header("Last-Modified")
    assert queries_for(client, f"/praktijken/export.{fmt}") == 0  # a file read, no query
    again = client.get(f"/praktijken/export.{fmt}", headers={"If-None-Match": served["ETag"]})
    assert again.status_code == 304
    if fmt == "csv":
        assert "Praktijk 2" in body(served)


def test_a_change_makes_the_files_stale_until_the_worker_writes_them_anew(client, databank):
    body(client.get("/praktijken/export.csv"))
    old = databank_files.current("csv")[1]
    PracticeFactory(title="Nieuwe praktijk")
    content_changed()
    response = client.get("/praktijken/export.csv")
    assert "Nieuwe praktijk" in body(response)
    assert databank_files.current("csv")[1] != old


def test_filtered_exports_count_against_the_clients_api_throttle(client, databank, monkeypatch):
    monkeypatch.setattr(ClientThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    assert client.get("/api/v1/praktijken/").status_code == 200
    for fmt in ("json", "csv"):
        response = client.get(f"/praktijken/export.{fmt}?q=praktijk")
        assert response.status_code == 200
        body(response)
    refused = client.get("/praktijken/export.json?q=praktijk")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Even wachten" in refused.content.decode()


def hold_every_slot():
    """Take the slots as another app node would: on PostgreSQL from a connection of its own
    (a connection may take its own advisory lock again)."""
    if connection.vendor != "postgresql":
        return export_limits.take_slot()
    other = connections.create_connection("default")
    with other.cursor() as cursor:
        for slot in range(export_limits.settings.EXPORT_STREAMS):
            cursor.execute("SELECT pg_advisory_lock(%s, %s)", [export_limits.LOCK_CLASS, slot])
    return other.close


def test_only_a_few_exports_are_computed_at_once(client, databank, settings):
    settings.EXPORT_STREAMS = 1
    held = hold_every_slot()
    try:
        refused = client.get("/praktijken/export.csv?q=praktijk")
        assert refused.status_code == 429
        assert refused["Retry-After"] == "10"
    finally:
        held()
    streamed = client.get("/praktijken/export.csv?q=praktijk")
    assert streamed.status_code == 200
    body(streamed)  # the stream ends: its slot is given back
    assert client.get("/praktijken/export.xlsx?q=praktijk").status_code == 200
    release = export_limits.take_slot()
    assert release is not None  # nothing left taken
    release()


def test_a_stream_closed_before_its_first_chunk_gives_its_slot_back_once():
    """A client that hangs up before the first chunk: the server closes the response."""
    released = []
    stream = export_limits.ReleasedAfter(iter(["a"]), lambda: released.append(1))
    stream.close()
    stream.close()
    assert released == [1]
