"""The API's documentation page works in a browser under the site's strict CSP."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_api_page_shows_the_operations(page, live_server):
    page.goto(live_server.url + "/api/v1/")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/praktijken/" in path for path in paths)
