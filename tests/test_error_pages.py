import pytest
from django.template.loader import render_to_string
from django.test import Client

pytestmark = pytest.mark.django_db


def test_404_is_dutch_and_in_the_site_look(anonymous):
    response = anonymous.get("/bestaat/niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'lang="nl"' in html and "Deze pagina bestaat niet" in html
    assert "Databank Sociale Samenhang" in html


def test_500_page_renders_without_a_request_context():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and 'lang="nl"' in html


def test_an_unexpected_error_shows_the_dutch_500_page(settings, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database weg")

    monkeypatch.setattr("practices.views.Category.objects.with_published_practice_count", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()


def test_a_form_without_a_valid_token_gets_a_dutch_page_without_inline_style():
    response = Client(enforce_csrf_checks=True).post("/meldingen/", {"email": "a@b.be"})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Het formulier is niet verstuurd" in html and 'lang="nl"' in html
    assert "<style" not in html
