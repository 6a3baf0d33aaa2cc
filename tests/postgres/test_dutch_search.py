"""The Dutch full-text search on PostgreSQL finds what a person would expect."""

import re

import pytest
from django.urls import reverse
from taggit.models import Tag

from practices.models import Practice, PracticeLocation, SynonymGroup
from search.text import ranked
from search.text import search as text_search
from tests.factories import MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def found(query):
    return sorted(text_search(Practice.objects.published(), query).values_list("title", flat=True))


def test_a_word_finds_its_other_forms():
    PracticeFactory(title="Buurtwerk", summary="Activiteiten voor jongeren uit de wijk")
    PracticeFactory(title="Bibliotheek", summary="Boeken lenen")
    assert found("jongere") == ["Buurtwerk"]
    assert found("Jongeren") == ["Buurtwerk"]


def test_accents_do_not_matter_either_way():
    PracticeFactory(title="Dialoog op school", description="Het uitwisselen van ideeën.")
    PracticeFactory(title="Cafe", summary="Een praatcafé voor nieuwkomers")
    assert found("ideeen") == ["Dialoog op school"]
    assert found("ideeën") == ["Dialoog op school"]
    assert found("praatcafe") == ["Cafe"]


def test_a_synonym_finds_the_practice_once_editors_add_it():
    PracticeFactory(title="Actieplan", summary="Een lokaal plan tegen polarisatie")
    assert found("polarisering") == []
    SynonymGroup.objects.create(terms=["polarisatie", "polarisering"])
    assert found("polarisering") == ["Actieplan"]


def test_phrase_synonyms():
    PracticeFactory(title="Buurtfeest", summary="Meer sociale samenhang in de wijk")
    SynonymGroup.objects.create(terms=["sociale cohesie", "sociale samenhang"])
    assert found("sociale cohesie") == ["Buurtfeest"]


def test_a_municipality_name_finds_its_practices_stemmed_or_not():
    practice = PracticeFactory(title="Cohousing", summary="Samen wonen")
    PracticeLocation.objects.create(
        practice=practice, municipality=MunicipalityFactory(name="Kessel-Lo")
    )
    PracticeFactory(title="Elders", places=[MunicipalityFactory(name="Mechelen")])
    assert found("Kessel-Lo") == ["Cohousing"]
    assert found("kessel-lo") == ["Cohousing"]
    assert found("Mechelen") == ["Elders"]


def test_title_ranks_above_summary_above_the_rest():
    PracticeFactory(title="Oefenkansen", description="Leren met een buddy")
    PracticeFactory(title="Taalcafé", summary="Een buddy om Nederlands te oefenen")
    PracticeFactory(title="Buddy", summary="Samen op stap")
    response_titles = [
        practice.title
        for practice in ranked(
            text_search(Practice.objects.published(), "buddy"), [["buddy"]]
        ).order_by("-rank")
    ]
    assert response_titles == ["Buddy", "Taalcafé", "Oefenkansen"]


def test_the_snippet_marks_the_match_and_never_lets_text_become_html(anonymous):
    PracticeFactory(
        title="Gevaarlijk",
        description="Een <script>alert('x')</script> tekst over jongeren \ue000en\ue001 meer.",
    )
    html = anonymous.get(URL, {"q": "jongeren"}).content.decode()
    assert "<mark>jongeren</mark>" in html
    assert "<script>alert" not in html
    # The private-use marks in the text itself were dropped: one <mark>, the real match.
    assert html.count("<mark>") == html.count("</mark>") == 1


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("jongeren", ["jongere"]),  # the dictionary's form of the word
        ("buurthuisje", ["buurthuizen"]),  # a compound's first part, another form
        ("vrijwilliger", ["vrijwilligerswerk"]),  # a longer word it begins
        ("Ideeën", ["ideeen"]),  # accents and case ignored
    ],
)
def test_the_snippet_marks_other_forms_of_the_words(anonymous, query, marked):
    PracticeFactory(
        title="Gesprekken",
        description=(
            "Een avond voor elke jongere uit de wijk, in een van de buurthuizen, met ideeen "
            "uit het vrijwilligerswerk. Daarna volgt nog veel meer tekst zonder die woorden."
        ),
    )
    html = anonymous.get(URL, {"q": query}).content.decode()
    assert re.findall(r"<mark>(.*?)</mark>", html) == marked


def test_the_search_vector_follows_every_change():
    practice = PracticeFactory(title="Project", summary="Iets")
    # Names outside the official register, which the migrations load.
    place = MunicipalityFactory(name="Proefdorp")
    location = PracticeLocation.objects.create(practice=practice, municipality=place)
    assert found("proefdorp") == ["Project"]

    place.name = "Teststad"
    place.save()
    assert found("proefdorp") == [] and found("teststad") == ["Project"]

    location.description = "Samen met de bibliotheek"
    location.save()
    assert found("bibliotheek") == ["Project"]
    location.delete()
    assert found("bibliotheek") == []

    practice.tags.add("moestuin")
    assert found("moestuin") == ["Project"]
    Tag.objects.filter(name="moestuin").update(name="volkstuin")
    assert found("volkstuin") == ["Project"]
    practice.tags.clear()
    assert found("volkstuin") == []

    Practice.objects.filter(pk=practice.pk).update(goals=["Ontmoeting tussen generaties"])
    assert found("generaties") == ["Project"]


@pytest.mark.parametrize(
    ("typo", "suggestion"),
    [("pleinmakkers", "Pleinmakers"), ("bibliotheekambassadeur", "Bibambassadeurs")],
)
def test_a_misspelling_gets_a_suggestion(anonymous, typo, suggestion):
    PracticeFactory(title="Pleinmakers")
    PracticeFactory(title="Bibambassadeurs")
    assert anonymous.get(URL, {"q": typo}).context["results"].suggestion == suggestion


def test_operators_and_odd_text_in_a_query_are_just_words(anonymous):
    PracticeFactory(title="Jongeren")
    for query in ["jongeren & !", "'", "a:*", "(jongeren", "<->", "jongeren | x", "\\"]:
        assert anonymous.get(URL, {"q": query}).status_code == 200


def test_rebuild_search_index_restores_missing_vectors(capsys):
    from django.core.management import call_command
    from django.db import connection

    PracticeFactory(title="Bibambassadeurs", places=[MunicipalityFactory()])
    Practice.objects.update(search_vector=None)
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM practices_facetindex")
    assert found("bibambassadeurs") == []
    call_command("rebuild_search_index")
    assert found("bibambassadeurs") == ["Bibambassadeurs"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT cardinality(keys) FROM practices_facetindex")
        # category, municipality, province, evidence level, life status, cost band
        assert cursor.fetchone()[0] == 6
    assert "1 praktijken" in capsys.readouterr().out
