"""A category's shared values are the category's: facets count what a sheet itself says.

The cases are the ones a user found when every practice of 'Sociale cohesie' carried the
category's target groups and policy domains as its own."""

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def titles(client, query):
    response = client.get(reverse("search:results") + "?" + query)
    assert response.status_code == 200
    return {practice.title for practice in response.context["page"].object_list}


def facet(client, query, param):
    response = client.get(reverse("search:results") + "?" + query)
    group = next(group for group in response.context["results"].facets if group.param == param)
    return {value.key: value.count for value in group.values}


def test_youth_of_the_neighbourhood_in_limburg_is_not_a_training_for_professionals(
    anonymous, seeded
):
    found = titles(anonymous, "doelgroep=jongeren-uit-de-buurt&provincie=limburg")
    assert "Samenwerkingstraject Bart Brandsma" not in found
    youth = titles(anonymous, "doelgroep=jongeren&provincie=limburg")
    assert {"TALim", "WTS-Coaches", "Chillambas"} <= youth
    assert "Samenwerkingstraject Bart Brandsma" not in youth
    assert "Samenwerkingstraject Bart Brandsma" in titles(anonymous, "doelgroep=professionals")


def test_newcomers_are_not_filed_under_youth(anonymous, seeded):
    assert "Samen inburgeren" not in titles(anonymous, "doelgroep=jongeren-uit-de-buurt")
    assert "Samen inburgeren" in titles(anonymous, "doelgroep=nieuwkomers")


def test_the_library_domain_is_only_where_a_library_is(anonymous, seeded):
    found = titles(anonymous, "beleidsdomein=bibliotheek")
    assert found == {"Bibambassadeurs"}


def test_counts_no_longer_give_every_value_to_the_whole_category(anonymous, seeded):
    counts = facet(anonymous, "", "doelgroep")
    assert counts["jongeren-uit-de-buurt"] == 1
    assert counts["jongeren"] < 15
    assert facet(anonymous, "", "categorie")["sociale-cohesie"] == 15


def test_the_search_page_says_how_the_facets_count(anonymous, seeded):
    html = anonymous.get(reverse("search:results")).content.decode()
    assert "niet wat haar hele categorie deelt" in html


def test_a_sheet_keeps_the_categorys_goals_apart_from_its_own(anonymous, seeded):
    html = anonymous.get("/praktijken/mensen-maken-de-stad/").content.decode()
    shared = html.index("Gedeeld binnen de categorie Sociale cohesie")
    children = html.index("talenten van kinderen")
    assert children > shared  # only in the category's block
    assert html.index("Het Mechelen-gevoel versterken") < shared
    assert 'href="/categorie/sociale-cohesie/"' in html[shared:]
