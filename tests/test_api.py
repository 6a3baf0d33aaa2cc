"""The read-only API: /api/v1/. Same filters as the search, paginated, anonymous, throttled,
CORS open for GET, and every answer as its OpenAPI schema says (schemathesis)."""

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from config.wsgi import application
from tests.factories import (
    ActionFactory,
    MunicipalityFactory,
    PracticeFactory,
    PracticeLocationFactory,
    SourceFactory,
    TargetGroupFactory,
)
from tests.queries import queries_for

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def databank(settings):
    settings.SITE_URL = "https://databank.example"
    youth = TargetGroupFactory(name="Jongeren", slug="jongeren")
    curant = PracticeFactory(title="CURANT cohousing", slug="curant", goals=["Samen wonen"])
    curant.target_groups.add(youth)
    curant.actions.add(ActionFactory(number=2, title="Ontmoeting stimuleren"))
    PracticeLocationFactory(
        practice=curant,
        municipality=MunicipalityFactory(name="Antwerpen", nis_code="11002"),
        contact_email="curant@antwerpen.example",
    )
    PracticeFactory(title="Buurtfeest", slug="buurtfeest")
    PracticeFactory(title="Concept", slug="concept", status="draft", published_at=None)
    return curant


def test_the_list_takes_the_search_parameters(client, databank):
    data = client.get(f"{API}/praktijken/", {"doelgroep": "jongeren"}).json()
    assert data["count"] == 1
    (practice,) = data["results"]
    assert practice["slug"] == "curant"
    assert practice["url"] == "https://databank.example/praktijken/curant/"
    assert practice["target_groups"] == [{"slug": "jongeren", "name": "Jongeren"}]
    assert practice["places"] == [
        {"municipality": "Antwerpen", "nis_code": "11002", "area_label": ""}
    ]
    assert practice["actions"][0]["number"] == 2
    everything = client.get(f"{API}/praktijken/", {"sorteer": "titel"}).json()
    assert [p["slug"] for p in everything["results"]] == ["buurtfeest", "curant"]  # no draft
    assert client.get(f"{API}/praktijken/", {"q": "cohousing"}).json()["count"] == 1


def test_the_detail_has_the_whole_sheet(client, databank):
    data = client.get(f"{API}/praktijken/curant/").json()
    assert data["goals"] == ["Samen wonen"]
    assert data["places"][0]["contact_email"] == "curant@antwerpen.example"
    assert data["earlier_listing"] is None
    assert client.get(f"{API}/praktijken/concept/").status_code == 404


def test_the_detail_names_the_source_of_an_earlier_listing(client, databank):
    databank.earlier_listing = SourceFactory(title="Fiche uit de vorige databank")
    databank.save()
    data = client.get(f"{API}/praktijken/curant/").json()
    assert data["earlier_listing"] == "Fiche uit de vorige databank"


def test_pages_are_bounded(client, databank):
    for n in range(5):
        PracticeFactory(title=f"Extra {n}")
    data = client.get(f"{API}/praktijken/", {"per_pagina": 2, "pagina": 2}).json()
    assert len(data["results"]) == 2 and data["previous"] and data["next"]
    huge = client.get(f"{API}/praktijken/", {"per_pagina": 100000}).json()
    assert len(huge["results"]) == 7  # at most 100 a page, here all 7
    assert client.get(f"{API}/praktijken/", {"pagina": 999}).status_code == 404


def test_municipalities_carry_their_nis_code(client, databank):
    data = client.get(f"{API}/gemeenten/", {"per_pagina": 1000}).json()
    antwerpen = next(m for m in data["results"] if m["name"] == "Antwerpen")
    assert antwerpen["nis_code"] == "11002"


@pytest.mark.parametrize(
    "path",
    ["categorieen", "doelgroepen", "beleidsdomeinen", "acties", "activiteiten", "organisaties"],
)
def test_every_taxonomy_has_a_list(client, databank, path):
    response = client.get(f"{API}/{path}/")
    assert response.status_code == 200
    assert "results" in response.json()


def test_read_only_anonymous_and_open_to_other_sites(client, databank):
    response = client.get(f"{API}/praktijken/", HTTP_ORIGIN="https://intranet.gemeente.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert client.post(f"{API}/praktijken/", {}).status_code in (403, 405)
    assert client.delete(f"{API}/praktijken/curant/").status_code in (403, 405)
    # The site's own pages are not opened to other origins.
    page = client.get("/praktijken/", HTTP_ORIGIN="https://intranet.gemeente.example")
    assert "Access-Control-Allow-Origin" not in page


def test_anonymous_clients_are_throttled_per_address(client, databank, monkeypatch, settings):
    from django.core.cache import cache

    from opendata.throttles import ClientThrottle

    # The throttle counts in the cache (the other tests run without one).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    monkeypatch.setattr(ClientThrottle, "THROTTLE_RATES", {"anon": "3/minute"})
    statuses = [client.get(f"{API}/categorieen/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert client.get(f"{API}/categorieen/", REMOTE_ADDR="192.0.2.9").status_code == 200
    # Another address in the same IPv6 /64 is the same client.
    first = client.get(f"{API}/categorieen/", REMOTE_ADDR="2001:db8::1")
    for _ in range(2):
        client.get(f"{API}/categorieen/", REMOTE_ADDR="2001:db8::2")
    assert first.status_code == 200
    assert client.get(f"{API}/categorieen/", REMOTE_ADDR="2001:db8::3").status_code == 429
    cache.clear()


@pytest.mark.parametrize("path", ["praktijken/", "gemeenten/"])
def test_the_query_count_does_not_grow(client, databank, path):
    few = queries_for(client, f"{API}/{path}")
    for n in range(15):
        practice = PracticeFactory(title=f"Meer {n}")
        practice.target_groups.add(databank.target_groups.first())
        PracticeLocationFactory(practice=practice)
    assert queries_for(client, f"{API}/{path}") == few


def test_the_schema_and_its_page(client):
    schema = client.get(f"{API}/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    docs = client.get(f"{API}/")
    assert docs.status_code == 200
    assert "swagger-ui" in docs.content.decode()


@pytest.fixture
def connection_kept_open():
    """schemathesis calls the WSGI application, which closes the database connection after
    each request; Django's test client keeps it open, as the test's transaction needs."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.openapi.from_wsgi(f"{API}/schema/?format=json", application)


@schema.parametrize()
@hypothesis_settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_matches_the_schema(
    case, databank, settings, monkeypatch, connection_kept_open
):
    """No 5xx, and every response as the schema says, for whatever schemathesis sends."""
    from opendata.throttles import ClientThrottle

    monkeypatch.setattr(ClientThrottle, "allow_request", lambda self, request, view: True)
    settings.ALLOWED_HOSTS = ["*"]
    # Like the search page, the API ignores a filter value it does not know (and says
    # nothing of it) rather than refusing the request: that is by design, not a failure.
    case.call_and_validate(excluded_checks=[schemathesis.checks.negative_data_rejection])
