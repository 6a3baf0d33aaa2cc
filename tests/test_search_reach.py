"""One search box for the whole databank (issue 13, item 1): names, e-mail addresses, people
in sessions, organisations and action titles find practices, say why, and the actions,
events and organisations the words name are listed; "actie 22" offers that action's filter.
Runs on SQLite and, in CI, on PostgreSQL."""

import pytest
from django.core.management import call_command

from practices.models import Action
from tests.relevance_set import SITE_SET, site_recall

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    call_command("seed", verbosity=0)


def search(client, q):
    response = client.get("/praktijken/", {"q": q})
    assert response.status_code == 200
    return response.context["results"], response.content.decode()


@pytest.mark.parametrize(
    ("query", "why"),
    [
        ("Els Cant", "Gevonden via Els Cant"),
        ("Bas Dhoey", "Gevonden via Bas Dhoey"),
        ("Katrien Staelens", "Gevonden via Katrien Staelens"),
        ("socialecohesie", "Gevonden via contactpersoon socialecohesie@mechelen.be"),
    ],
)
def test_people_and_addresses_find_their_practices_and_say_so(client, seeded, query, why):
    results, html = search(client, query)
    assert results.page.paginator.count >= 1
    assert why in html


def test_an_address_finds_every_practice_it_is_the_contact_of(client, seeded):
    results, _ = search(client, "socialecohesie@mechelen.be")
    assert results.page.paginator.count == 2


def test_an_action_s_title_finds_its_practices_and_the_action(client, seeded):
    action = Action.objects.get(number=17)
    results, html = search(client, "omstaandersprincipe")
    found = {p.pk for p in results.page.object_list}
    assert found and found <= set(action.practices.values_list("pk", flat=True))
    assert f'Actie: <a href="{action.get_absolute_url()}">{action.title}</a>' in html


@pytest.mark.parametrize("query", ["actie 22", "actie22", "Plan Samenleven actie 22"])
def test_a_query_that_names_an_action_offers_its_filter(client, seeded, query):
    results, html = search(client, query)
    assert results.named_action.number == 22
    assert 'href="?actie=22">actie 22: Pleinmakers aanbieden</a>' in html
    assert results.suggestion is None  # never 'Bedoelde je actieplan?' beside the offer
    every = client.get("/praktijken/", {"actie": "22"}).context["results"]
    assert every.page.paginator.count == Action.objects.get(number=22).practices.count() == 2


def test_events_and_organisations_named_by_the_words_are_listed(client, seeded):
    _, html = search(client, "inspiratiedag")
    assert 'Activiteit: <a href="/activiteiten/inspiratiedag-plan-samenleven/">' in html
    _, html = search(client, "agentschap integratie")
    assert 'Organisatie: <a href="/organisaties/agentschap-integratie-en-inburgering/">' in html


def test_words_that_reach_nothing_find_nothing(client, seeded):
    results, html = search(client, "xyzzyplugh")
    assert results.page.paginator.count == 0
    assert "Ook gevonden" not in html


@pytest.mark.parametrize(
    "query", ["Els Cant", "pleinmakers", "inspiratiedag", "agentschap integratie", "vvsg"]
)
def test_a_word_that_reaches_too_much_to_keep_finds_the_same(client, seeded, monkeypatch, query):
    """What a word reaches is kept as a list of ids (search_reach.word_reach) up to a size;
    beyond it the search asks the database each time. Both find the same."""
    from search import reach as search_reach
    from search.text import query_groups

    groups = query_groups(query)
    kept, _ = search(client, query)
    assert any(r.ids or r.named for r in search_reach.word_reach(groups, "default").values())
    monkeypatch.setattr(search_reach, "MOST_KEPT", 0)
    for reach in search_reach.word_reach(groups, "default").values():
        assert reach.ids in (None, ()) and reach.via in (None, ()) and reach.named in (None, ())
    asked, _ = search(client, query)
    assert kept.page.paginator.count == asked.page.paginator.count > 0
    assert [p.pk for p in kept.page.object_list] == [p.pk for p in asked.page.object_list]
    assert kept.related == asked.related
    assert [p.found_via for p in kept.page.object_list] == [
        p.found_via for p in asked.page.object_list
    ]


@pytest.mark.parametrize(("query", "expected"), SITE_SET)
def test_every_page_is_found_by_its_own_words(client, seeded, query, expected):
    """Actions, events, sessions, organisations and people by the words on their own pages
    (tests/relevance_set.py, SITE_SET), each linked to its page."""
    results, html = search(client, query)
    found = [(hit.kind, hit.name) for hit in results.related]
    assert site_recall(found, expected) == 1, found
    assert "Ook gevonden" in html
    for hit in results.related:
        path, _, anchor = hit.url.partition("#")
        page = client.get(path)
        assert page.status_code == 200, hit.url
        if anchor:
            assert f'id="{anchor}"' in page.content.decode()


def test_names_come_first_and_a_draft_sheet_names_nobody(client, seeded):
    from practices.models import Person, Role
    from tests.factories import PracticeFactory

    draft = PracticeFactory(draft=True, title="Nog niet gepubliceerd")
    Role.objects.create(
        person=Person.objects.create(name="Zora Verborgen"),
        kind=Role.Kind.PRESENTS,
        as_written="consulent buurtsport (ontwerp)",
        practice=draft,
    )
    results, _ = search(client, "buurtsport")
    names = [hit.name for hit in results.related]
    assert not any("Zora" in name for name in names)
    # A word that is in some names and only in the texts of others: the names first.
    results, _ = search(client, "polarisatie")
    by_name = [hit for hit in results.related if "polari" in hit.name.lower()]
    assert 0 < len(by_name) < len(results.related)
    assert results.related[: len(by_name)] == by_name
