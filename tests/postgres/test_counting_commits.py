"""A search or sheet view is counted in a transaction that does not wait for the disk
(synchronous_commit off for it alone); inside a caller's transaction the count waits with it."""

import pytest
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from insights.models import SearchSeen, SheetViews
from insights.recording import record_view
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db(transaction=True)

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}
ASYNC = "SET LOCAL synchronous_commit TO OFF"


def synchronous_commit():
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        return cursor.fetchone()[0]


def set_before(seen, table):
    """The statement run just before each that writes to `table` (a count: one)."""
    statements = [query["sql"] for query in seen.captured_queries]
    return [
        statements[n - 1] if n else None
        for n, sql in enumerate(statements)
        if sql.startswith(f"INSERT INTO {table}")
    ]


def test_a_search_is_counted_without_waiting_for_the_disk(client):
    PracticeFactory(title="Pleinmakers", summary="Ontmoeting op het plein")
    with CaptureQueriesContext(connection) as seen:
        response = client.get("/praktijken/", {"q": "plein"}, REMOTE_ADDR="203.0.113.7", **BROWSER)
    assert response.status_code == 200
    assert set_before(seen, "insights_searchseen") == [ASYNC]
    # Committed, and the setting went with its transaction.
    assert SearchSeen.objects.get().words == "plein"
    assert synchronous_commit() == "on"


def test_a_sheet_view_is_counted_the_same_way():
    request = RequestFactory().post("/", **BROWSER)
    with CaptureQueriesContext(connection) as seen:
        record_view(request, "pleinmakers")
    assert set_before(seen, "insights_sheetviews") == [ASYNC]
    assert SheetViews.objects.get().views == 1
    assert synchronous_commit() == "on"


def test_inside_a_callers_transaction_the_count_waits_with_it():
    request = RequestFactory().post("/", **BROWSER)
    with transaction.atomic():
        with CaptureQueriesContext(connection) as seen:
            record_view(request, "pleinmakers")
        assert synchronous_commit() == "on"
    (before,) = set_before(seen, "insights_sheetviews")
    assert before != ASYNC and all(query["sql"] != ASYNC for query in seen.captured_queries)
    assert SheetViews.objects.get().views == 1
