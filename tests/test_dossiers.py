"""Dossiers: editors gather practices on a theme, in their order, each with a note; the pages,
the links from the home page and the sheets, the sitemap, the feed and the API."""

import pytest
from django.utils import timezone

from dossiers.models import Dossier, DossierEntry
from tests.factories import EventFactory, PracticeFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(db):
    made = Dossier.objects.create(
        title="Jongeren en de publieke ruimte",
        slug="jongeren-publieke-ruimte",
        introduction="Pleinen en bibliotheken waar jongeren zich welkom voelen.",
        status=Dossier.Status.PUBLISHED,
        published_at=timezone.now(),
    )
    second = PracticeFactory(title="Bibambassadeurs", slug="bibambassadeurs")
    first = PracticeFactory(title="PleinPatrons", slug="pleinpatrons")
    draft = PracticeFactory(title="Nog een concept", slug="concept", draft=True)
    DossierEntry.objects.create(dossier=made, practice=first, position=1, note="Het begin.")
    DossierEntry.objects.create(dossier=made, practice=second, position=2)
    DossierEntry.objects.create(dossier=made, practice=draft, position=3)
    made.events.add(EventFactory(title="Studienamiddag"))
    return made


def test_the_dossier_page_keeps_the_editors_order_and_notes(client, dossier):
    html = client.get("/dossiers/jongeren-publieke-ruimte/").content.decode()
    assert html.index("PleinPatrons") < html.index("Bibambassadeurs")
    assert "Noot van de redactie" in html and "Het begin." in html
    assert "Nog een concept" not in html  # a draft never shows
    assert "Studienamiddag" in html
    assert 'href="/praktijken/pleinpatrons/"' in html


def test_the_list_counts_published_practices_and_hides_drafts(client, dossier):
    Dossier.objects.create(title="In de maak", slug="in-de-maak", introduction="x")
    html = client.get("/dossiers/").content.decode()
    assert "Jongeren en de publieke ruimte" in html and "2 praktijken" in html
    assert "In de maak" not in html
    assert client.get("/dossiers/in-de-maak/").status_code == 404


def test_home_and_sheets_link_to_their_dossiers(client, dossier):
    home = client.get("/").content.decode()
    assert 'href="/dossiers/jongeren-publieke-ruimte/"' in home and 'href="/dossiers/"' in home
    sheet = client.get("/praktijken/pleinpatrons/").content.decode()
    assert "In dossier" in sheet and 'href="/dossiers/jongeren-publieke-ruimte/"' in sheet
    other = client.get(PracticeFactory(slug="elders").get_absolute_url()).content.decode()
    assert "In dossier" not in other


def test_sitemap_feed_and_api_carry_the_dossiers(client, dossier, settings):
    settings.SITE_URL = "https://databank.example"
    assert (
        "/dossiers/jongeren-publieke-ruimte/"
        in client.get("/sitemap-dossiers.xml").content.decode()
    )
    feed = client.get("/dossiers/feed.atom").content.decode()
    assert "Jongeren en de publieke ruimte" in feed
    data = client.get("/api/v1/dossiers/").json()
    (item,) = data["results"]
    assert [p["slug"] for p in item["practices"]] == ["pleinpatrons", "bibambassadeurs"]
    assert item["practices"][0]["note"] == "Het begin."
    assert item["url"] == "https://databank.example/dossiers/jongeren-publieke-ruimte/"


def test_query_counts_do_not_grow_with_the_dossier(client, dossier):
    page = queries_for(client, "/dossiers/jongeren-publieke-ruimte/")
    listing = queries_for(client, "/dossiers/")
    api = queries_for(client, "/api/v1/dossiers/")
    for n in range(5):
        DossierEntry.objects.create(
            dossier=dossier, practice=PracticeFactory(slug=f"extra-{n}"), position=10 + n
        )
    Dossier.objects.create(
        title="Tweede",
        slug="tweede",
        introduction="y",
        status="published",
        published_at=timezone.now(),
    )
    assert queries_for(client, "/dossiers/jongeren-publieke-ruimte/") == page
    assert queries_for(client, "/dossiers/") == listing
    assert queries_for(client, "/api/v1/dossiers/") == api


def test_a_practice_is_in_a_dossier_once(dossier):
    from django.core.exceptions import ValidationError

    entry = DossierEntry(dossier=dossier, practice=dossier.entries.first().practice)
    with pytest.raises(ValidationError, match="staat al in het dossier"):
        entry.full_clean()


def test_editors_put_a_dossier_together_in_the_admin(editor, dossier):
    page = editor.get(f"/beheer/dossiers/dossier/{dossier.pk}/change/")
    assert page.status_code == 200 and "Noot van de redactie" in page.content.decode()
