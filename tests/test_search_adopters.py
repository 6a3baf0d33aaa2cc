"""The municipality filter can include the towns that took a practice over ('Wij doen dit
ook', accepted): the results, the counts, the cards that say so, the map, the exports and
the API, on both databases."""

import pytest
from django.db import connection

from adoptions.models import Adoption
from tests.factories import MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db

URL = "/praktijken/"


@pytest.fixture
def towns(db):
    """Buurtsoep runs in Genk and was taken over by Gent; Pleinwerking runs in Gent; a
    third practice was offered to Gent, but the editors declined it."""
    genk = MunicipalityFactory(name="Genk")
    gent = MunicipalityFactory(name="Gent")
    soup = PracticeFactory(title="Buurtsoep", summary="Soep voor de buurt", places=[genk])
    PracticeFactory(title="Pleinwerking", summary="Soep op het plein", places=[gent])
    declined = PracticeFactory(title="Afgewezen overname", summary="Soep", places=[genk])
    for practice, status in ((soup, "accepted"), (declined, "declined")):
        Adoption.objects.create(
            practice=practice,
            municipality=gent,
            since_year=2021,
            contact_name="Jo",
            contact_email="jo@gent.example",
            status=status,
        )
    return genk, gent


def titles(response):
    return [card.title for card in response.context["page"].object_list]


def count_of(response, param, key):
    group = next(g for g in response.context["results"].facets if g.param == param)
    return next((v.count for v in group.values if v.key == key), 0)


@pytest.mark.parametrize("query", ["", "soep"])
def test_the_filter_includes_the_towns_that_took_a_practice_over(anonymous, towns, query):
    words = {"q": query} if query else {}
    # Without the switch: only what runs in Gent, and Gent counts one.
    plain = anonymous.get(URL, {**words, "gemeente": "gent"})
    assert titles(plain) == ["Pleinwerking"]
    assert count_of(plain, "gemeente", "gent") == 1
    # With it: also what Gent took over (but not what the editors declined).
    wide = anonymous.get(URL, {**words, "gemeente": "gent", "ook_toegepast": "1"})
    assert sorted(titles(wide)) == ["Buurtsoep", "Pleinwerking"]
    assert count_of(wide, "gemeente", "gent") == 2
    assert count_of(wide, "gemeente", "genk") == 2
    assert wide.context["page"].paginator.count == 2
    html = wide.content.decode()
    # The card of the practice that started elsewhere says so; the other's does not.
    assert html.count('class="card__adopted"') == 1
    assert "ook toegepast in Gent (sinds 2021)" in html
    assert "Ook overgenomen in de gekozen gemeenten" in html  # its chip
    assert 'name="ook_toegepast" value="1"' in html and "checked>" in html


def test_a_practice_both_run_and_taken_over_in_a_town_counts_once(anonymous, towns):
    _genk, gent = towns
    soup = Adoption.objects.get(status="accepted").practice
    soup.locations.create(municipality=gent, position=1)
    response = anonymous.get(URL, {"gemeente": "gent", "ook_toegepast": "1"})
    assert response.context["page"].paginator.count == 2
    assert count_of(response, "gemeente", "gent") == 2


def test_other_filters_still_apply(anonymous, towns):
    params = {"gemeente": "gent", "ook_toegepast": "1", "provincie": "limburg"}
    response = anonymous.get(URL, params)
    # The province is where a practice runs: Buurtsoep runs in Limburg.
    assert titles(response) == ["Buurtsoep"]


def exported(client, params):
    response = client.get("/praktijken/export.csv", params)
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_the_map_the_export_and_the_api_follow_the_switch(anonymous, towns):
    params = {"gemeente": "gent", "ook_toegepast": "1"}
    csv = exported(anonymous, params)
    assert "Buurtsoep" in csv and "Pleinwerking" in csv
    assert "Buurtsoep" not in exported(anonymous, {"gemeente": "gent"})
    api = anonymous.get("/api/v1/praktijken/", params).json()
    assert sorted(p["title"] for p in api["results"]) == ["Buurtsoep", "Pleinwerking"]
    figures = anonymous.get("/kaart/", params).context["figures"]
    assert sum(area.count for area in figures.areas) == 2


def test_switching_it_off_keeps_the_rest_of_the_search(anonymous, towns):
    results = anonymous.get(URL, {"q": "soep", "gemeente": "gent", "ook_toegepast": "1"})
    chip = next(c for c in results.context["results"].chips if c.label.startswith("Ook"))
    assert chip.url == "?q=soep&gemeente=gent"
    # Paging keeps it.
    assert "ook_toegepast=1" in results.context["results"].export_query


def test_the_switch_costs_one_query_for_the_cards(anonymous, towns, django_assert_max_num_queries):
    postgres = connection.vendor == "postgresql"
    with django_assert_max_num_queries(10 if postgres else 11):
        response = anonymous.get(URL, {"q": "soep", "gemeente": "gent", "ook_toegepast": "1"})
    assert response.status_code == 200


@pytest.mark.parametrize("value", ["0", "ja", "", "11"])
def test_an_odd_value_is_the_switch_off(anonymous, towns, value):
    response = anonymous.get(URL, {"gemeente": "gent", "ook_toegepast": value})
    assert response.status_code == 200
    assert titles(response) == ["Pleinwerking"]


def test_an_alert_follows_the_search_with_the_switch(towns):
    from django.http import QueryDict

    from alerts.searches import followed_search

    followed = followed_search(QueryDict("gemeente=gent&ook_toegepast=1"))
    assert followed.search == "gemeente=gent&ook_toegepast=1"
    assert "ook overgenomen in de gekozen gemeenten" in followed.description
    assert sorted(p.title for p in followed.practices) == ["Buurtsoep", "Pleinwerking"]
