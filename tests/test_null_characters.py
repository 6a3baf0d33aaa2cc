"""A NUL character in a URL never reaches the database (PostgreSQL refuses it in text)."""

import pytest

from tests.factories import MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/beheer/practices/practice/?q=gen%00k",
        "/beheer/practices/practice/?status__exact=%00",
        "/beheer/autocomplete/?term=%00sint&app_label=practices"
        "&model_name=practicelocation&field_name=municipality",
    ],
)
def test_admin_lists_filters_and_autocomplete_survive_a_nul(editor, url):
    PracticeFactory(places=[MunicipalityFactory(name="Sint-Niklaas")])
    assert editor.get(url).status_code in (200, 302)


def test_the_nul_is_dropped_and_the_rest_of_the_term_still_searched(editor):
    MunicipalityFactory(name="Sint-Niklaas")
    response = editor.get(
        "/beheer/autocomplete/?term=sint-ni%00klaas&app_label=practices"
        "&model_name=practicelocation&field_name=municipality"
    )
    assert [row["text"] for row in response.json()["results"]] == ["Sint-Niklaas"]


@pytest.mark.parametrize(
    "path",
    [
        "/meldingen/%00/",
        "/meldingen/%00/bevestig/",
        "/meldingen/%00/uitschrijven/",
        "/inzending/%00/",
        "/praktijken/plein%00makers/",
        "/praktijken/%01/",
        "/api/v1/praktijken/%00/",
    ],
)
def test_a_control_character_in_the_path_is_a_404(client, path):
    for method in (client.get, client.post):
        response = method(path)
        assert response.status_code == 404, path
    if path.startswith("/api/"):
        assert response.json() == {"detail": "Niet gevonden."}
    else:
        assert "text/html" in response["Content-Type"]
