"""Whole pages for visitors without a session come from the cache (practices/page_cache.py):
no query on a second visit, a CSRF token of their own that works, and never the page of
someone with a shortlist or an editor's session, nor a stale one.

With REDIS_URL set (CI) these run against Redis for real; otherwise against local memory."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ActionFactory, CategoryFactory, PracticeFactory
from tests.queries import queries_for
from tests.test_content_cache import without_tokens

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("real_cache")]  # tests/conftest


@pytest.fixture
def practice():
    category = CategoryFactory(slug="cohesie", name="Sociale cohesie")
    made = PracticeFactory(title="Buurtfeest", slug="buurtfeest", category=category)
    made.actions.add(ActionFactory(number=22))
    return made


PAGES = [
    "/",
    "/praktijken/",
    "/praktijken/buurtfeest/",
    "/categorie/cohesie/",
    "/plan-samenleven/actie-22/",
]


@pytest.mark.parametrize("url", PAGES)
def test_a_second_visitor_gets_the_page_without_a_query(practice, url):
    first, second = Client(), Client()
    assert queries_for(first, url) > 0
    assert queries_for(second, url) == 0
    assert without_tokens(first.get(url)) == without_tokens(second.get(url))


def test_the_cached_page_s_bewaar_button_works_with_the_visitor_s_own_token(practice):
    Client().get("/praktijken/buurtfeest/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    with_token = visitor.get("/praktijken/buurtfeest/")
    assert with_token.context is None  # from the cache, not rendered
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', with_token.text)[1]
    assert "csrftoken" in with_token.cookies or visitor.cookies.get("csrftoken")
    saved = visitor.post(
        "/bewaarlijst/bewaar/buurtfeest/",
        {"csrfmiddlewaretoken": token, "volgende": "/praktijken/buurtfeest/"},
    )
    assert saved.status_code == 302
    assert "Bewaarlijst (1)" in visitor.get("/praktijken/buurtfeest/").text


def test_someone_with_a_shortlist_never_gets_or_leaves_a_shared_copy(practice):
    keeper = Client()
    keeper.post("/bewaarlijst/bewaar/buurtfeest/", {"volgende": "/"})
    assert queries_for(keeper, "/praktijken/buurtfeest/") > 0
    mine = keeper.get("/praktijken/buurtfeest/").text
    assert "Bewaarlijst (1)" in mine and 'name="actie" value="verwijder"' in mine
    theirs = Client().get("/praktijken/buurtfeest/").text
    assert "Bewaarlijst (1)" not in theirs and 'value="verwijder"' not in theirs


def test_an_editor_s_preview_is_never_kept(editor):
    PracticeFactory(draft=True, title="Concept", slug="concept")
    assert editor.get("/praktijken/concept/").status_code == 200
    assert Client().get("/praktijken/concept/").status_code == 404


def test_query_strings_and_errors_are_not_kept(practice):
    url = "/praktijken/?categorie=cohesie&x=1"
    assert queries_for(Client(), url) > 0
    assert queries_for(Client(), url) > 0
    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert Client().get("/praktijken/bestaat-niet/").status_code == 404
        assert len(queries) > 0  # looked up again each time


def test_an_editor_s_change_shows_on_the_next_visit(practice, editor):
    Client().get("/praktijken/buurtfeest/")
    practice.refresh_from_db()
    response = editor.post(
        reverse("admin:practices_practice_changelist"),
        {"action": "unpublish", "_selected_action": [practice.pk]},
    )
    assert response.status_code == 302
    assert Client().get("/praktijken/buurtfeest/").status_code == 410
