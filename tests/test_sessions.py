"""Sessions with Redis (config.sessions): shared through the cache, kept in the database, and
still working while the cache is unreachable."""

import pytest
from django.test import Client

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
NOWHERE = {
    "BACKEND": "config.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
}


@pytest.fixture
def cached_db_sessions(settings):
    settings.SESSION_ENGINE = "config.sessions"


def test_a_shortlist_lives_on_when_the_cache_goes_down(cached_db_sessions, settings):
    PracticeFactory(slug="buurtfeest", title="Buurtfeest")
    visitor = Client()
    visitor.post("/bewaarlijst/bewaar/buurtfeest/", {"volgende": "/"})
    settings.CACHES = {"default": NOWHERE}
    page = visitor.get("/bewaarlijst/")
    assert page.status_code == 200 and "Bewaarlijst (1)" in page.text
    visitor.post("/bewaarlijst/bewaar/buurtfeest/", {"volgende": "/", "actie": "verwijder"})
    assert "Bewaarlijst (1)" not in visitor.get("/bewaarlijst/").text


def test_an_editor_logs_in_and_out_while_the_cache_is_down(
    cached_db_sessions, settings, editor_user
):
    settings.CACHES = {"default": NOWHERE}
    client = Client()
    client.force_login(editor_user)
    assert client.get("/beheer/").status_code == 200
    client.logout()
    assert client.get("/beheer/").status_code == 302
