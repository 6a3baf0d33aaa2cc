import pytest
from django.urls import reverse

from tests.factories import ActionFactory, MunicipalityFactory, PracticeFactory

pytestmark = pytest.mark.django_db
URL = reverse("practices:practice_list")


def test_lists_published_practices_only(anonymous):
    PracticeFactory(title="Bibambassadeurs")
    PracticeFactory(title="Nog niet klaar", draft=True)
    response = anonymous.get(URL)
    assert response.status_code == 200
    assert "Bibambassadeurs" in response.content.decode()
    assert "Nog niet klaar" not in response.content.decode()
    assert "1 praktijk" in response.content.decode()


def test_cards_show_places_and_actions(anonymous):
    PracticeFactory(
        title="PleinPatrons",
        places=[MunicipalityFactory(name="Antwerpen"), MunicipalityFactory(name="Gent")],
    ).actions.add(ActionFactory(number=22))
    html = anonymous.get(URL).content.decode()
    assert "Antwerpen, Gent" in html
    assert "Actie 22" in html


def test_paginates_by_twenty_and_keeps_the_query(anonymous, settings):
    for n in range(25):
        PracticeFactory(title=f"Jongerenproject {n:02}")
    first = anonymous.get(URL, {"q": "jongeren"})
    second = anonymous.get(URL, {"q": "jongeren", "pagina": 2})
    assert len(first.context["page"].object_list) == 20
    assert len(second.context["page"].object_list) == 5
    assert "?q=jongeren&amp;pagina=2" in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "-1", "999", "1e9", "٣"])
def test_odd_page_numbers_show_a_page_instead_of_an_error(anonymous, page):
    PracticeFactory()
    assert anonymous.get(URL, {"pagina": page}).status_code == 200


def test_search_finds_practices_by_word_and_says_when_nothing_matches(anonymous):
    PracticeFactory(title="Pleinmakers", summary="Bewoners maken het plein")
    PracticeFactory(title="12work", summary="Werk voor wie wil werken")
    found = anonymous.get(URL, {"q": "plein"}).content.decode()
    assert "Pleinmakers" in found and "12work" not in found
    nothing = anonymous.get(URL, {"q": "onbestaand"}).content.decode()
    assert "Geen praktijken gevonden voor ‘onbestaand’" in nothing


def test_search_text_is_escaped(anonymous):
    html = anonymous.get(URL, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize("practices", [3, 45])
def test_query_count_is_fixed_whatever_the_number_of_practices(
    anonymous, django_assert_max_num_queries, practices
):
    # count + page + places + actions: no query per practice.
    for _ in range(practices):
        practice = PracticeFactory(places=[MunicipalityFactory()])
        practice.actions.add(ActionFactory())
    with django_assert_max_num_queries(4):
        assert anonymous.get(URL, {"q": "praktijk"}).status_code == 200


@pytest.mark.parametrize(
    "raw_query",
    [
        "q=a%00b&pagina=%00",  # NUL: PostgreSQL refuses it in text
        "q=%ff%fe%ED%A0%80",  # not UTF-8, and an encoded lone surrogate
        "q=%01%02%1b[31m",  # control characters
        "q=" + "lang" * 2000,  # far longer than the box allows
        "q=%27%20OR%201%3D1%20--",
        "q=&q=twee&pagina=1&pagina=2",  # repeated parameters
    ],
)
def test_odd_queries_never_break_the_page(anonymous, raw_query):
    PracticeFactory(title="Jongeren")
    response = anonymous.get(f"{URL}?{raw_query}")
    assert response.status_code == 200


def test_a_query_is_tidied_before_it_is_searched_and_shown(anonymous):
    PracticeFactory(title="Jongeren in de buurt")
    response = anonymous.get(URL, {"q": "  jongeren\x00\tbuurt  "})
    assert response.context["query"] == "jongeren buurt"
    assert "Jongeren in de buurt" in response.content.decode()
