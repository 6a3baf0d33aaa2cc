"""The Plan Samenleven pages: the list of actions and one action."""

import pytest
from django.urls import reverse

from tests.factories import (
    ActionFactory,
    MunicipalityFactory,
    PracticeFactory,
    RoleFactory,
    SessionFactory,
    SourceFactory,
)

pytestmark = pytest.mark.django_db


def test_action_list_shows_actions_in_order_with_their_practice_count(anonymous):
    ActionFactory(number=22, title="Pleinmakers aanbieden").practices.add(
        PracticeFactory(), PracticeFactory(), PracticeFactory(draft=True)
    )
    ActionFactory(number=2, title="Lokaal actieplan polarisatie ontwikkelen en uitrollen")
    html = anonymous.get(reverse("practices:action_list")).content.decode()
    assert html.index("Actie 2:") < html.index("Actie 22:")
    assert "2 praktijken" in html
    assert "nog geen praktijken" in html


def test_action_page_shows_its_facts_and_published_practices(anonymous):
    action = ActionFactory(
        number=2,
        title="Lokaal actieplan polarisatie ontwikkelen en uitrollen",
        theme="Veiligheid en leefbaarheid",
        minimal_expectations=["Opmaak actieplan", "Uitvoering actieplan"],
        max_subsidy=25000,
        support="Agentschap Integratie en Inburgering en het Wij-Zij Netwerk.",
        mentor_municipality=MunicipalityFactory(name="Sint-Niklaas"),
    )
    RoleFactory(person__name="Els Cant", kind="contact", session=None, action=action)
    action.practices.add(
        PracticeFactory(title="Regenboogbeleid Amsterdam"),
        PracticeFactory(title="Nog een concept", draft=True),
    )
    response = anonymous.get("/plan-samenleven/actie-2/")
    html = response.content.decode()
    assert response.status_code == 200
    for text in [
        "Actie 2: Lokaal actieplan polarisatie ontwikkelen en uitrollen",
        "Veiligheid en leefbaarheid",
        "Opmaak actieplan",
        "Uitvoering actieplan",
        "Maximale subsidie:</strong> €\xa025.000",
        "Wij-Zij Netwerk",
        "Sint-Niklaas",
        "Els Cant",
        "Regenboogbeleid Amsterdam",
    ]:
        assert text in html
    assert "Nog een concept" not in html


@pytest.mark.parametrize("path", ["/plan-samenleven/actie-99/", "/plan-samenleven/actie-0/"])
def test_unknown_action_is_not_found(anonymous, path):
    assert anonymous.get(path).status_code == 404


@pytest.mark.parametrize("practices", [2, 25])
def test_query_counts_are_fixed(anonymous, django_assert_max_num_queries, practices):
    action = ActionFactory(number=5, mentor_municipality=MunicipalityFactory())
    action.sources.add(SourceFactory())
    for _ in range(practices):
        action.practices.add(PracticeFactory(places=[MunicipalityFactory()]))
        ActionFactory()
        session = SessionFactory()
        session.actions.add(action)
        RoleFactory(session=session)
        RoleFactory(session=None, action=action, kind="contact")
    with django_assert_max_num_queries(1):
        assert anonymous.get(reverse("practices:action_list")).status_code == 200
    # action + its contacts + its other people + sources + sessions (with their event) + the
    # sessions' people + the first practices + their places + their actions + the number of
    # practices
    with django_assert_max_num_queries(10):
        assert anonymous.get(action.get_absolute_url()).status_code == 200
