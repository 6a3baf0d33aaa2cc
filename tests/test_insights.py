"""What visitors look for: searches counted without anything personal, the editors' list of
searches without results (at least three searchers), sheet views per month."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insights.models import SearchDay, SearchSeen, SheetViews
from insights.services import roll_up_searches
from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0"}


def search_from(client, address, **params):
    return client.get("/praktijken/", params, REMOTE_ADDR=address, **BROWSER)


@pytest.fixture
def catalogue(db):
    PracticeFactory(title="Eenzaamheid in de wijk", summary="Buren bezoeken elkaar")
    PracticeFactory(title="Pleinmakers", summary="Ontmoeting op het plein")


def test_a_search_is_counted_once_per_searcher_a_day_with_nothing_personal(client, catalogue):
    search_from(client, "203.0.113.7", q="Eenzaamheid ")
    search_from(client, "203.0.113.7", q="eenzaamheid")
    search_from(client, "198.51.100.9", q="EENZAAMHEID")
    rows = list(SearchSeen.objects.values("words", "filters", "results", "times", "visitor"))
    assert sorted(row["times"] for row in rows) == [1, 2]
    assert {row["words"] for row in rows} == {"eenzaamheid"} and rows[0]["results"] == 1
    stored = " ".join(str(value) for row in rows for value in row.values())
    assert "203.0.113.7" not in stored and "198.51.100.9" not in stored
    assert all(len(row["visitor"]) == 32 for row in rows)


def test_counting_costs_the_search_one_statement(client, catalogue):
    search_from(client, "203.0.113.7", q="plein")
    with CaptureQueriesContext(connection) as counting:
        search_from(client, "203.0.113.8", q="plein")
    writes = [q["sql"] for q in counting.captured_queries if "insights_" in q["sql"]]
    assert len(writes) == 1 and writes[0].startswith("INSERT INTO insights_searchseen")


def test_known_bots_and_empty_searches_are_not_counted(client, catalogue):
    client.get("/praktijken/", {"q": "plein"}, HTTP_USER_AGENT="Googlebot/2.1")
    client.get("/praktijken/", {"q": "plein"}, HTTP_USER_AGENT="curl/8.5")
    search_from(client, "203.0.113.7")  # no words, no filters: the whole list
    assert not SearchSeen.objects.exists()


def test_filters_are_counted_sorted_and_known_only(client, catalogue):
    search_from(client, "203.0.113.7", q="plein", provincie="limburg", doelgroep="jongeren")
    search_from(client, "203.0.113.7", doelgroep="jongeren", provincie="limburg", q="plein")
    (row,) = SearchSeen.objects.all()
    assert row.filters == "doelgroep=jongeren&provincie=limburg" and row.times == 2


def test_the_roll_up_folds_days_and_forgets_the_hashes(client, catalogue):
    for n in range(3):
        search_from(client, f"203.0.113.{n}", q="senioren")
    search_from(client, "203.0.113.0", q="senioren")
    SearchSeen.objects.update(day=datetime.date.today() - datetime.timedelta(days=1))
    search_from(client, "203.0.113.0", q="plein")  # today's: left for tomorrow
    assert roll_up_searches() == 1
    day = SearchDay.objects.get()
    assert (day.words, day.results, day.searches, day.searchers) == ("senioren", 0, 4, 3)
    assert list(SearchSeen.objects.values_list("words", flat=True)) == ["plein"]


def test_editors_see_searches_without_results_of_three_searchers_or_more(editor, catalogue):
    yesterday = datetime.date.today() - datetime.timedelta(days=1)
    SearchDay.objects.create(
        day=yesterday, words="senioren", filters="", results=0, searches=5, searchers=3
    )
    SearchDay.objects.create(
        day=yesterday, words="geheim", filters="", results=0, searches=2, searchers=2
    )
    SearchDay.objects.create(
        day=yesterday,
        words="plein",
        filters="",
        results=1,
        searches=9,
        searchers=7,
        opened={"1": 4, "2": 1},
    )
    page = editor.get(reverse("insights:searches"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "senioren" in html and "geheim" not in html  # two searchers are too few
    assert "/beheer/practices/synonymgroup/add/?terms=senioren" in html
    assert "/beheer/practices/practice/add/?title=senioren" in html
    assert "plaats 1 (4×), plaats 2 (1×)" in html
    assert "laatste 90 dagen" in html
    # The admin's add form takes the words as its start.
    form = editor.get("/beheer/practices/synonymgroup/add/?terms=senioren").content.decode()
    assert "senioren</textarea>" in form
    # And the dashboard counts it.
    index = editor.get(reverse("admin:index")).content.decode()
    assert "zoekopdracht zonder resultaat (30 dagen)" in index


def test_the_editors_page_is_for_editors_only(client, anonymous):
    assert client.get(reverse("insights:searches")).status_code == 302  # to the login


def test_which_result_was_opened_is_noted_on_the_searchers_own_row(client, catalogue):
    search_from(client, "203.0.113.7", q="plein")
    client.post(
        "/zoekstatistiek/geopend/",
        {"zoekopdracht": "q=plein", "plaats": "2"},
        REMOTE_ADDR="203.0.113.7",
        **BROWSER,
    )
    client.post(
        "/zoekstatistiek/geopend/",
        {"zoekopdracht": "q=plein", "plaats": "5"},
        REMOTE_ADDR="198.51.100.1",
        **BROWSER,
    )  # someone else's search: nothing of theirs to mark
    response = client.post("/zoekstatistiek/geopend/", {"plaats": "x"})
    assert response.status_code == 204
    assert list(SearchSeen.objects.values_list("opened", flat=True)) == [2]


def test_sheet_views_are_counted_per_month_and_shown_in_the_admin(client, editor):
    practice = PracticeFactory(slug="buurtfeest")
    sheet = client.get("/praktijken/buurtfeest/").content.decode()
    assert 'data-sheet="buurtfeest"' in sheet  # js/seen.js sends the beacon
    for _ in range(3):
        client.post("/zoekstatistiek/bekeken/", {"fiche": "buurtfeest"}, **BROWSER)
    client.post("/zoekstatistiek/bekeken/", {"fiche": "buurtfeest"}, HTTP_USER_AGENT="bingbot")
    client.post("/zoekstatistiek/bekeken/", {"fiche": "bestaat-niet"}, **BROWSER)
    assert list(SheetViews.objects.values_list("slug", "views")) == [("buurtfeest", 3)]
    page = editor.get(reverse("admin:practices_practice_change", args=[practice.pk]))
    assert "Bekeken op de site" in page.content.decode()
    assert ": 3" in page.content.decode()


def test_a_sheet_from_the_page_cache_stays_query_free(client, django_assert_num_queries):
    """The view is counted by the beacon, not by the page: reading a sheet writes nothing."""
    PracticeFactory(slug="buurtfeest")
    with CaptureQueriesContext(connection) as reading:
        client.get("/praktijken/buurtfeest/", **BROWSER)
    assert not [q for q in reading.captured_queries if "insights_" in q["sql"]]


def test_the_privacy_page_explains_the_counting(client):
    html = client.get("/privacy/").content.decode()
    assert 'id="zoekopdrachten"' in html and "binnen 48 uur" in html
