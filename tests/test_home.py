import pytest
from django.urls import reverse

from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("practices:home")


def test_home_offers_search_categories_actions_newest_and_the_call_to_submit(anonymous):
    category = CategoryFactory(name="Sociale cohesie")
    ActionFactory(number=22, title="Pleinmakers aanbieden")
    ActionFactory(number=2, title="Lokaal actieplan polarisatie ontwikkelen en uitrollen")
    PracticeFactory(title="Pleinmakers", category=category)
    PracticeFactory(title="Verborgen concept", category=category, draft=True)

    response = anonymous.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{reverse("search:results")}"' in html
    assert 'Sociale cohesie</a> <span class="count">(1)</span>' in html
    # Actions in number order, although 22 was created first.
    assert html.index("Actie 2:") < html.index("Actie 22:")
    assert "Pleinmakers" in html
    assert "Verborgen concept" not in html
    assert reverse("submissions:submit_practice") in html


@pytest.mark.parametrize("practices", [2, 20])
def test_home_query_count_does_not_grow_with_the_data(
    anonymous, django_assert_max_num_queries, practices
):
    # Prevents an n+1 over categories, actions or the newest practices' places; the
    # dossiers are one more query (dossiers.templatetags).
    for _ in range(practices):
        PracticeFactory(places=[MunicipalityFactory()]).actions.add(ActionFactory())
    with django_assert_max_num_queries(6):
        assert anonymous.get(URL).status_code == 200


def test_actions_without_practices_say_so_instead_of_linking_an_empty_search(anonymous):
    from tests.factories import ActionFactory, PracticeFactory

    ActionFactory(number=13, title="In contact brengen met sport")
    ActionFactory(number=22, title="Pleinmakers aanbieden").practices.add(PracticeFactory())
    html = anonymous.get("/").content.decode()
    assert 'href="/praktijken/?actie=13"' not in html
    assert (
        'href="/plan-samenleven/actie-13/">Actie 13: In contact brengen met sport</a> '
        '<span class="count">(nog geen praktijken)</span>'
    ) in html
    assert 'href="/praktijken/?actie=22"' in html
