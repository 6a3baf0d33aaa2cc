"""Atom feeds for any search, the sitemap, robots.txt, canonical addresses and share previews."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import CategoryFactory, PracticeFactory, TargetGroupFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def databank(settings):
    settings.SITE_URL = "https://databank.example"
    youth = TargetGroupFactory(name="Jongeren", slug="jongeren")
    now = timezone.now()
    old = PracticeFactory(
        title="Oude fiche", slug="oud", content_changed_at=now - timedelta(days=90)
    )
    changed = PracticeFactory(title="Net bijgewerkt", slug="nieuw", content_changed_at=now)
    changed.target_groups.add(youth)
    PracticeFactory(title="Concept", slug="concept", status="draft", published_at=None)
    return old, changed


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def test_the_feed_lists_published_practices_last_changed_first(anonymous, databank):
    root = feed(anonymous, "/praktijken/feed.atom")
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert titles == ["Net bijgewerkt", "Oude fiche"]
    entry = next(root.iter(f"{ATOM}entry"))
    assert entry.find(f"{ATOM}link").get("href").endswith("/praktijken/nieuw/")
    assert entry.find(f"{ATOM}summary").text == "Een korte samenvatting van de praktijk."


def test_a_search_has_its_own_feed(anonymous, databank):
    root = feed(anonymous, "/praktijken/feed.atom?doelgroep=jongeren")
    assert root.find(f"{ATOM}title").text == "Databank Sociale Samenhang: Jongeren"
    assert [e.find(f"{ATOM}title").text for e in root.iter(f"{ATOM}entry")] == ["Net bijgewerkt"]
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"].endswith("/praktijken/feed.atom?doelgroep=jongeren")
    assert links["alternate"].endswith("/praktijken/?doelgroep=jongeren")


def test_the_feed_is_linked_from_the_page_head(anonymous, databank):
    html = anonymous.get("/praktijken/?doelgroep=jongeren").content.decode()
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Nieuwe en bijgewerkte '
        'praktijken voor deze zoekopdracht" href="/praktijken/feed.atom?doelgroep=jongeren">'
    ) in html
    assert (
        '<link rel="canonical" href="https://databank.example/praktijken/?doelgroep=jongeren">'
        in html
    )


def test_the_feeds_query_count_does_not_grow(anonymous, databank):
    url = "/praktijken/feed.atom?doelgroep=jongeren&q=bijgewerkt"
    few = queries_for(anonymous, url)
    category = CategoryFactory()
    for n in range(30):
        PracticeFactory(title=f"Bijgewerkt {n}", category=category).target_groups.add(
            *databank[1].target_groups.all()
        )
    # synonyms, the facet values in the URL, what the words reach beyond the texts (the
    # three once per content version in production; the tests keep no cache), the items
    assert queries_for(anonymous, url) == few <= 4


def test_the_sitemap_names_every_public_page_with_its_last_change(anonymous, databank):
    index = ET.fromstring(anonymous.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert any(url.endswith("/sitemap-praktijken.xml") for url in sections)
    assert any(url.endswith("/sitemap-categorieen.xml") for url in sections)
    urls = ET.fromstring(anonymous.get("/sitemap-praktijken.xml").content)
    found = {
        url.find(f"{SITEMAP}loc").text.rsplit("/praktijken/", 1)[1]: url.find(
            f"{SITEMAP}lastmod"
        ).text
        for url in urls.iter(f"{SITEMAP}url")
    }
    assert set(found) == {"oud/", "nieuw/"}  # never a draft
    assert found["nieuw/"] == timezone.localdate().isoformat()
    categories = ET.fromstring(anonymous.get("/sitemap-categorieen.xml").content)
    lastmods = {
        url.find(f"{SITEMAP}loc").text.rsplit("/categorie/", 1)[1]: url.find(f"{SITEMAP}lastmod")
        for url in categories.iter(f"{SITEMAP}url")
    }
    # A category's page changes when its practices do.
    assert lastmods[f"{databank[1].category.slug}/"].text == timezone.localdate().isoformat()


def test_robots_keeps_crawlers_out_of_private_pages(anonymous, databank):
    response = anonymous.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Disallow: /beheer/" in lines and "Disallow: /inzending/" in lines
    assert "Sitemap: https://databank.example/sitemap.xml" in lines


def test_a_shared_sheet_shows_its_title_summary_and_photo(anonymous, databank):
    old, _ = databank
    old.image_alt = "Buren aan een lange tafel"
    old.image.save("tafel.jpg", ContentFile(b"jpeg"))
    html = anonymous.get("/praktijken/oud/").content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Oude fiche">' in html
    assert (
        '<meta property="og:description" content="Een korte samenvatting van de praktijk.">' in html
    )
    assert f'<meta property="og:image" content="https://databank.example{old.image.url}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<link rel="canonical" href="https://databank.example/praktijken/oud/">' in html


def test_a_sheet_without_photo_shares_the_sites_image(anonymous, databank):
    html = anonymous.get("/praktijken/nieuw/").content.decode()
    assert 'content="https://databank.example/static/img/delen.png"' in html
