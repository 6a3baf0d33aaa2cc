"""Absolute links come from SITE_URL only: whatever Host a request sends, the share and print
links, feeds, sitemaps and status pages point to the site, and a page cached for everyone is
the same for every Host."""

import re

import pytest

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
HOSTS = ["localhost", "databank.example:4444", "DATABANK.EXAMPLE."]


@pytest.fixture
def site(settings):
    settings.SITE_URL = "https://databank.example"
    settings.ALLOWED_HOSTS = ["databank.example", "localhost", "testserver"]
    return PracticeFactory(title="Pleinmakers", slug="pleinmakers")


@pytest.mark.parametrize("host", HOSTS)
def test_a_sheet_shares_and_prints_the_sites_address(client, site, host):
    html = client.get("/praktijken/pleinmakers/", HTTP_HOST=host).content.decode()
    assert "https://databank.example/praktijken/pleinmakers/" in html
    for other in ("localhost", ":4444", "DATABANK.EXAMPLE."):
        assert other not in html


@pytest.mark.parametrize("host", HOSTS)
def test_feeds_and_sitemaps_name_the_sites_address(client, site, host):
    for path in ("/praktijken/feed.atom", "/sitemap.xml", "/sitemap-praktijken.xml"):
        body = client.get(path, HTTP_HOST=host).content.decode()
        assert "https://databank.example/" in body, path
        assert "localhost" not in body and "4444" not in body, path
        assert "DATABANK.EXAMPLE." not in body, path


def test_a_cached_page_is_the_same_whatever_host_asked_first(client, site, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    first = client.get("/praktijken/pleinmakers/", HTTP_HOST="databank.example:4444")
    second = client.get("/praktijken/pleinmakers/", HTTP_HOST="databank.example")
    assert without_tokens(second.content) == without_tokens(first.content)
    assert b"https://databank.example/praktijken/pleinmakers/" in second.content
    assert b"4444" not in second.content


def without_tokens(html):
    """The page without what every request gets anew (its CSRF token, a script nonce)."""
    return re.sub(rb'(value|nonce)="[A-Za-z0-9+/=_-]{20,}"', b"", html)
