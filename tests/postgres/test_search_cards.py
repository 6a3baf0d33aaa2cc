"""search.cards: the page of a search with words on PostgreSQL, read in one
statement, shows exactly what the ORM's for_cards() would: the same practices in the same
order for every sort and page, with the same snippet, category, places and actions."""

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from practices.models import Practice, PracticeLocation
from search.cards import ORDER, page_of_cards
from search.results import Sort, parse_search
from search.text import ranked
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PracticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def found():
    """Seven practices about the neighbourhood, with places (a municipality or a wider
    area), actions, a category or none; and one about something else."""
    gent = MunicipalityFactory(name="Gent", slug="gent")
    aalst = MunicipalityFactory(name="Aalst", slug="aalst")
    cohesion = CategoryFactory(name="Sociale cohesie", slug="cohesie")
    actions = [ActionFactory() for _ in range(3)]
    for n in range(7):
        practice = PracticeFactory(
            title=f"Buurt {'ZYXWVUT'[n]}",
            description=f"Een project in de buurt met {n} vrijwilligers. " * (n + 1),
            category=cohesion if n % 2 else None,
            places=[aalst, gent][: n % 3],
        )
        if n == 3:
            PracticeLocation.objects.create(practice=practice, area_label="Meer dan 30 gemeenten")
        practice.actions.add(*actions[: n % 4])
    PracticeFactory(title="Iets anders", description="Over de bibliotheek.")
    search = parse_search(QueryDict("q=buurt"))
    return search, list(search.base.values_list("pk", flat=True))


def card(practice):
    return (
        practice.pk,
        practice.title,
        practice.get_absolute_url(),
        practice.summary,
        practice.category.name if practice.category_id else None,
        practice.search_headline,
        practice.card_places,
        practice.card_actions,
    )


@pytest.mark.parametrize("sort", list(Sort.LABELS))
@pytest.mark.parametrize("start", [0, 3, 6])
def test_a_page_of_cards_is_what_the_orm_would_show(found, sort, start):
    search, ids = found
    assert len(ids) == 7
    page_ids = (
        ranked(Practice.objects.filter(pk__in=ids), search.groups)
        .order_by(*Sort.ORDER[sort])
        .values("pk")[start : start + 3]
    )
    expected = (
        ranked(Practice.objects.filter(pk__in=page_ids), search.groups)
        .order_by(*Sort.ORDER[sort])
        .for_cards()
    )
    with CaptureQueriesContext(connection) as queries:
        cards = page_of_cards(ids, search.groups, sort, start=start, size=3, using="default")
        shown = [card(practice) for practice in cards]
    assert len(queries) == 1  # reading what a card shows asks for nothing more
    assert shown == [card(practice) for practice in expected]
    assert shown  # (every page of this set has cards)


def test_the_snippet_marks_the_words_and_places_keep_their_order(found):
    search, ids = found
    [first, *_] = page_of_cards(ids, search.groups, "titel", start=0, size=1, using="default")
    assert first.title == "Buurt T"
    assert "\ue000buurt\ue001" in first.search_headline
    assert first.card_places == []
    [practice] = page_of_cards(ids, search.groups, "titel", start=3, size=1, using="default")
    assert practice.title == "Buurt W"
    assert practice.card_places == ["Meer dan 30 gemeenten"]
    assert practice.card_actions == sorted(practice.card_actions)
    [two_places] = page_of_cards(ids, search.groups, "titel", start=4, size=1, using="default")
    assert two_places.title == "Buurt X"
    assert two_places.card_places == ["Aalst", "Gent"]  # in the order the sheet lists them
    assert len(two_places.card_actions) == 2


def test_every_sort_of_the_search_page_has_its_order():
    assert set(ORDER) == set(Sort.LABELS)


@pytest.mark.parametrize(
    "url", ["/praktijken/feed.atom?q=buurt", "/api/v1/praktijken/?q=buurt", "/kaart/?q=buurt"]
)
def test_lists_that_show_no_snippet_compute_none(client, found, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert not [q for q in queries if "ts_headline" in q["sql"]]
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/praktijken/", {"q": "buurt"}).status_code == 200
    assert [q for q in queries if "ts_headline" in q["sql"]]  # the cards do
