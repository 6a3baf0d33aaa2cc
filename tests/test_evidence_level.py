"""The evidence level ('onderbouwing'): on the sheet, defined on /over/, a search facet."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from practices.models import Practice
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def facet(client, **params):
    response = client.get(URL, params)
    group = next(g for g in response.context["results"].facets if g.param == "onderbouwing")
    return {value.key: (value.name, value.count) for value in group.values}


def test_the_sheet_shows_the_level_with_its_evaluation_and_definition(anonymous):
    practice = PracticeFactory(
        evidence_level="lokaal-geevalueerd", evaluation_url="https://gent.example/impact"
    )
    html = anonymous.get(practice.get_absolute_url()).content.decode()
    assert ">Onderbouwing</h2>" in html
    assert 'href="/praktijken/?onderbouwing=lokaal-geevalueerd">Lokaal geëvalueerd</a>' in html
    assert 'href="https://gent.example/impact">de evaluatie of het onderzoek</a>' in html
    assert 'href="/over/#onderbouwing"' in html


def test_the_levels_are_defined_on_the_about_page(anonymous):
    html = anonymous.get("/over/").content.decode()
    assert 'id="onderbouwing"' in html
    for level in ("Beschreven", "Lokaal geëvalueerd", "Extern onderzocht"):
        assert f'">{level}</dt>' in html


def test_the_facet_counts_and_filters(anonymous):
    PracticeFactory(title="Beschreven praktijk")
    PracticeFactory(title="Onderzocht", evidence_level="extern-onderzocht")
    assert facet(anonymous) == {
        "beschreven": ("Beschreven", 1),
        "extern-onderzocht": ("Extern onderzocht", 1),
    }
    response = anonymous.get(URL, {"onderbouwing": "extern-onderzocht"})
    assert [p.title for p in response.context["page"].object_list] == ["Onderzocht"]
    html = response.content.decode()
    assert "Extern onderzocht" in html  # its chip


def test_an_unknown_level_is_ignored_with_a_notice(anonymous):
    response = anonymous.get(URL, {"onderbouwing": "bewezen"})
    assert response.status_code == 200
    assert response.context["results"].notices


def test_seeded_practices_get_only_what_the_sources_support(anonymous):
    call_command("seed", verbosity=0)
    levels = dict(Practice.objects.values_list("slug", "evidence_level"))
    assert levels.pop("omstaandertraining") == "lokaal-geevalueerd"
    assert set(levels.values()) == {"beschreven"}
    assert not Practice.objects.exclude(evaluation_url="").exists()
