"""Counting the queries of one request, streamed body included, to show a count that does not
grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        assert response.status_code == 200, url
        if response.streaming:
            b"".join(response.streaming_content)
    return len(queries)
