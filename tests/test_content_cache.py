"""The cache (issue 13, item 4): the unfiltered search's facet counts, popular filters and
the home page are computed once per content version, and never stale: an editor's publish,
unpublish, edit or taxonomy change, and an import, show on the very next request.

With REDIS_URL set (CI) these run against Redis for real; otherwise against local memory."""

import os
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from practices.models import Practice
from tests.factories import CategoryFactory, OrganisationFactory, PracticeFactory
from tests.queries import queries_for
from tests.test_admin_practices import practice_form

SEARCH = "/praktijken/"


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_cache")]  # tests/conftest


def count_on(client, url=SEARCH, **params):
    """The number of results the page shows (it may come whole from the cache)."""
    page = client.get(url, params).content.decode()
    return int(re.search(r'<p class="result-count" role="status">(\d+) praktijk', page)[1])


def test_the_backend_is_redis_in_ci(real_cache):
    if os.environ.get("REDIS_URL"):
        assert real_cache.endswith("RedisCache")
        cache.set("probe", 1)
        assert cache.get("probe") == 1
        # One redis-py client serves every call (config.cache), on one connection pool.
        assert cache._cache.get_client("a") is cache._cache.get_client("b", write=True)
        cache.set_many({"probe": [1, "twee"], "other": 3})
        assert cache.get_many(["probe", "other"]) == {"probe": [1, "twee"], "other": 3}


@pytest.mark.parametrize("url", ["/", SEARCH, f"{SEARCH}?categorie=cohesie"])
def test_the_second_visit_is_served_from_the_cache(client, url):
    PracticeFactory.create_batch(3, category=CategoryFactory(slug="cohesie"))
    first = queries_for(client, url)
    again = queries_for(client, url)
    print(f"{url}: {first} queries, then {again}")
    assert again < first
    assert without_tokens(client.get(url)) == without_tokens(client.get(url))


def without_tokens(response):
    """The page without its CSRF tokens (masked anew on every request)."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


def practice_queries(client, url):
    """The statements of a request that read practices or their facet index (but what the
    words reach, kept per content version: reach_queries below)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [
        q["sql"]
        for q in queries
        if re.search(r"practices_(practice|facetindex)\b", q["sql"]) and "AS part" not in q["sql"]
    ]


def test_a_search_with_words_is_never_cached(client):
    PracticeFactory(title="Buurtfeest", category=CategoryFactory(slug="cohesie"))
    url = f"{SEARCH}?q=buurtfeest&categorie=cohesie"
    first = practice_queries(client, url)
    second = practice_queries(client, url)
    # On PostgreSQL the facet index held in memory (search.bitmaps) is read once per
    # content version; the search itself runs again.
    assert second and second == [q for q in first if "unnest(keys) AS key" not in q]


def test_synonyms_are_read_once_and_an_editor_s_change_shows_at_once(client, editor):
    PracticeFactory(title="Polarisering in de wijk")
    url = f"{SEARCH}?q=polarisatie"
    assert count_on(client, url) == 0
    with CaptureQueriesContext(connection) as queries:
        client.get(SEARCH, {"q": "iets anders"})
    assert not [q for q in queries if "practices_synonymgroup" in q["sql"]]
    response = editor.post(
        reverse("admin:practices_synonymgroup_add"), {"terms": "polarisatie\npolarisering"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert count_on(client, url) == 1


def reach_queries(client, q):
    """The statements of a search that ask who and what its words reach (search.reach)."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(SEARCH, {"q": q}).status_code == 200
    return [q["sql"] for q in queries if "AS part" in q["sql"]]


def test_what_a_word_reaches_is_read_once_and_a_renamed_organisation_shows_at_once(client, editor):
    organisation = OrganisationFactory(name="Buurtwerk Noord", slug="buurtwerk-noord")
    practice = PracticeFactory(title="Zomerbar op het plein")
    practice.organisations.add(organisation)
    PracticeFactory(title="Zuiderlicht in de wijk")
    assert len(reach_queries(client, "zuiderlicht")) == 1
    assert not reach_queries(client, "Zuiderlicht")  # the same word: known now
    [asked] = reach_queries(client, "zuiderlicht plein")  # only the new word is asked for
    assert "plein" in asked and "zuiderlicht" not in asked
    assert count_on(client, q="zuiderlicht") == 1
    response = editor.post(
        reverse("admin:practices_organisation_change", args=[organisation.pk]),
        {"name": "Zuiderlicht vzw", "slug": "buurtwerk-noord", "short_name": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = client.get(SEARCH, {"q": "zuiderlicht"}).content.decode()
    assert "2 praktijken" in page
    assert "Gevonden via organisatie Zuiderlicht vzw" in page
    assert 'Organisatie: <a href="/organisaties/buurtwerk-noord/">Zuiderlicht vzw</a>' in page


def rename_in_the_admin(editor, category, *, name, slug):
    response = editor.post(
        reverse("admin:practices_category_change", args=[category.pk]),
        {"name": name, "slug": slug, "introduction": "", "description": ""},
    )
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_facet_value_named_in_a_url_is_checked_against_the_current_names(client, editor):
    category = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    PracticeFactory(category=category)
    url = f"{SEARCH}?q=praktijk&categorie=cohesie"
    assert "Sociale cohesie" in client.get(url).content.decode()
    rename_in_the_admin(editor, category, name="Samen leven", slug="samen")
    page = client.get(url).content.decode()
    assert "Categorie ‘cohesie’ bestaat niet" in page
    assert "Samen leven" in client.get(f"{SEARCH}?q=praktijk&categorie=samen").content.decode()


def test_publish_and_unpublish_show_at_once(client, editor):
    draft = PracticeFactory(draft=True, title="Nieuw buurthuis")
    PracticeFactory()
    assert count_on(client) == 1
    assert "Nieuw buurthuis" not in client.get("/").content.decode()
    changelist = reverse("admin:practices_practice_changelist")
    editor.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert count_on(client) == 2
    assert "Nieuw buurthuis" in client.get("/").content.decode()
    editor.post(changelist, {"action": "unpublish", "_selected_action": [draft.pk]})
    assert count_on(client) == 1
    assert "Nieuw buurthuis" not in client.get("/").content.decode()


def test_an_edit_shows_at_once(client, editor):
    cohesion = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    PracticeFactory(category=cohesion)
    assert count_on(client, categorie="cohesie") == 1
    response = editor.post(
        reverse("admin:practices_practice_add"),
        practice_form(status="published", category=cohesion.pk),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert count_on(client, categorie="cohesie") == 2
    practice = Practice.objects.get(slug="buurtpunt-de-nestel")
    editor.post(
        reverse("admin:practices_practice_change", args=[practice.pk]),
        practice_form(status="published", category=""),
    )
    assert count_on(client, categorie="cohesie") == 1


def test_a_taxonomy_change_shows_at_once(client, editor):
    category = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    PracticeFactory(category=category)
    assert "Sociale cohesie" in client.get(SEARCH).content.decode()
    rename_in_the_admin(editor, category, name="Samen leven", slug="cohesie")
    page = client.get(SEARCH).content.decode()
    assert "Samen leven" in page and "Sociale cohesie" not in page


def test_an_import_shows_at_once(client):
    assert count_on(client) == 0
    call_command("seed", verbosity=0)
    assert count_on(client) == Practice.objects.published().count() > 0


def test_a_request_reads_the_content_version_once(client, monkeypatch):
    from practices import content_cache

    PracticeFactory(title="Buurtfeest", category=CategoryFactory(slug="cohesie"))
    reads = []
    read = content_cache._read_version
    monkeypatch.setattr(content_cache, "_read_version", lambda: reads.append(1) or read())
    # Synonyms, the URL's facet values and what the words reach: three kept parts.
    assert count_on(client, q="buurtfeest", categorie="cohesie") == 1
    assert len(reads) == 1
    assert count_on(client, q="buurtfeest", categorie="cohesie") == 1
    assert len(reads) == 2  # the next request reads it again: an editor may have changed it


def test_what_every_search_asks_is_held_in_the_process_and_follows_a_change(
    client, editor, monkeypatch
):
    category = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    PracticeFactory(title="Buurtfeest", category=category)
    from practices import content_cache

    asked = []

    class Counting:
        def get(self, key, *args, **kwargs):
            asked.append(key.split(":")[0])
            return cache.get(key, *args, **kwargs)

        def get_many(self, keys, *args, **kwargs):
            asked.extend(key.split(":")[0] for key in keys)
            return cache.get_many(keys, *args, **kwargs)

        def __getattr__(self, name):
            return getattr(cache, name)

    monkeypatch.setattr(content_cache, "cache", Counting())
    page = client.get(SEARCH, {"q": "buurtfeest", "categorie": "cohesie"}).content.decode()
    assert "Categorie: Sociale cohesie" in page
    first = len(asked)
    asked.clear()
    client.get(SEARCH, {"q": "buurtfeest", "categorie": "cohesie"})
    # Only the content version: synonyms, the value's name and the word's reach are held.
    assert asked == ["content-version"] and first > 1, asked
    rename_in_the_admin(editor, category, name="Samen leven", slug="cohesie")
    page = client.get(SEARCH, {"q": "buurtfeest", "categorie": "cohesie"}).content.decode()
    assert "Categorie: Samen leven" in page and "Sociale cohesie" not in page


def test_a_visitor_s_form_does_not_empty_the_cache(client):
    PracticeFactory()
    client.get(SEARCH)
    before = cache.get("content-version")
    client.post(reverse("submissions:submit_practice"), {"title": "x"})
    assert cache.get("content-version") == before


def test_a_cache_that_is_down_slows_the_site_but_never_breaks_it(client, editor, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    draft = PracticeFactory(draft=True)
    assert client.get("/").status_code == 200
    assert count_on(client) == 0
    changelist = reverse("admin:practices_practice_changelist")
    response = editor.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    assert response.status_code == 302
    assert count_on(client) == 1
