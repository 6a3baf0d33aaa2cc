"""/praktijken/: search, facets with disjunctive counts, chips, sorting and pagination."""

import pytest
from django.db import connection
from django.urls import reverse

from practices.models import Municipality, SynonymGroup
from tests.factories import (
    ActionFactory,
    CategoryFactory,
    MunicipalityFactory,
    PolicyDomainFactory,
    PracticeFactory,
    TargetGroupFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("search:results")


def titles(response):
    return [practice.title for practice in response.context["page"].object_list]


def facet(response, param):
    group = next(g for g in response.context["results"].facets if g.param == param)
    return {value.key: (value.count, value.selected) for value in group.values}


@pytest.fixture
def catalogue():
    """Four practices over two categories, three municipalities in two provinces."""
    cohesion, work = CategoryFactory(slug="cohesie"), CategoryFactory(slug="werk")
    genk = MunicipalityFactory(slug="genk", name="Genk", province="limburg")
    gent = MunicipalityFactory(slug="gent", name="Gent", province="oost-vlaanderen")
    mechelen = MunicipalityFactory(slug="mechelen", name="Mechelen", province="antwerpen")
    youth = TargetGroupFactory(slug="jongeren")
    pleinmakers = PracticeFactory(title="Pleinmakers", category=cohesion, places=[mechelen])
    bib = PracticeFactory(title="Bibambassadeurs", category=cohesion, places=[genk])
    talim = PracticeFactory(title="TALim", category=work, places=[genk])
    work12 = PracticeFactory(title="12work", category=work, places=[mechelen, gent])
    bib.target_groups.add(youth)
    talim.target_groups.add(youth)
    pleinmakers.actions.add(ActionFactory(number=22))
    talim.actions.add(ActionFactory(number=14))
    bib.tags.add("bibliotheek")
    return locals()


def test_lists_published_practices_only(anonymous):
    PracticeFactory(title="Bibambassadeurs")
    PracticeFactory(title="Nog niet klaar", draft=True)
    response = anonymous.get(URL)
    assert titles(response) == ["Bibambassadeurs"]
    assert "1 praktijk<" in response.content.decode()


def test_cards_show_places_and_actions(anonymous):
    PracticeFactory(
        title="PleinPatrons",
        places=[MunicipalityFactory(name="Antwerpen"), MunicipalityFactory(name="Gent")],
    ).actions.add(ActionFactory(number=22))
    html = anonymous.get(URL).content.decode()
    assert "Antwerpen, Gent" in html
    assert "Actie 22" in html


def test_values_of_one_facet_are_or_and_facets_are_and(anonymous, catalogue):
    either = anonymous.get(URL, {"gemeente": ["genk", "gent"]})
    assert sorted(titles(either)) == ["12work", "Bibambassadeurs", "TALim"]
    both = anonymous.get(URL, {"gemeente": ["genk", "gent"], "categorie": "werk"})
    assert sorted(titles(both)) == ["12work", "TALim"]
    three = anonymous.get(URL, {"gemeente": "genk", "categorie": "werk", "doelgroep": "jongeren"})
    assert titles(three) == ["TALim"]


@pytest.mark.parametrize(
    ("param", "value", "expected"),
    [
        ("provincie", "limburg", ["Bibambassadeurs", "TALim"]),
        ("actie", "22", ["Pleinmakers"]),
        ("tag", "bibliotheek", ["Bibambassadeurs"]),
        ("doelgroep", "jongeren", ["Bibambassadeurs", "TALim"]),
    ],
)
def test_each_facet_filters(anonymous, catalogue, param, value, expected):
    assert sorted(titles(anonymous.get(URL, {param: value}))) == expected


def test_policy_domain_facet_filters(anonymous, catalogue):
    catalogue["talim"].policy_domains.add(PolicyDomainFactory(slug="werk-en-economie"))
    assert titles(anonymous.get(URL, {"beleidsdomein": "werk-en-economie"})) == ["TALim"]


def test_facet_counts_apply_the_other_filters_but_not_their_own(anonymous, catalogue):
    response = anonymous.get(URL, {"gemeente": "genk", "categorie": "werk"})
    # Municipalities: counted within category 'werk', whatever municipality is chosen.
    assert facet(response, "gemeente") == {
        "genk": (1, True),
        "gent": (1, False),
        "mechelen": (1, False),
    }
    # Categories: counted within Genk.
    assert facet(response, "categorie") == {"cohesie": (1, False), "werk": (1, True)}
    # Provinces and actions: within Genk and 'werk' both.
    assert facet(response, "provincie") == {"limburg": (1, False)}
    assert facet(response, "actie") == {"14": (1, False)}


def test_with_three_facets_a_practice_failing_two_filters_counts_nowhere(anonymous, catalogue):
    response = anonymous.get(
        URL, {"gemeente": "genk", "categorie": "werk", "doelgroep": "jongeren"}
    )
    assert titles(response) == ["TALim"]
    # Bibambassadeurs fails only the category: it counts for the category facet alone.
    assert facet(response, "categorie") == {"cohesie": (1, False), "werk": (1, True)}
    # 12work (Mechelen and Gent, no target group) fails two filters: it counts nowhere.
    assert facet(response, "gemeente") == {"genk": (1, True)}
    assert facet(response, "doelgroep") == {"jongeren": (1, True)}
    assert facet(response, "actie") == {"14": (1, False)}


def test_values_that_would_give_nothing_are_not_offered(anonymous, catalogue):
    response = anonymous.get(URL, {"categorie": "cohesie"})
    assert "gent" not in facet(response, "gemeente")
    assert "14" not in facet(response, "actie")


def test_a_chosen_value_stays_visible_when_other_filters_leave_it_nothing(anonymous, catalogue):
    response = anonymous.get(URL, {"gemeente": "gent", "doelgroep": "jongeren"})
    assert titles(response) == []
    assert facet(response, "gemeente")["gent"] == (0, True)


def test_unknown_and_malformed_values_are_ignored_with_a_notice(anonymous, catalogue):
    response = anonymous.get(
        URL, {"gemeente": ["genk", "atlantis"], "actie": ["abc", "99"], "sorteer": "x"}
    )
    assert response.status_code == 200
    assert sorted(titles(response)) == ["Bibambassadeurs", "TALim"]
    notices = response.context["results"].notices
    assert "Gemeente ‘atlantis’ bestaat niet; die filter is genegeerd." in notices
    assert "Actie Plan Samenleven ‘abc’ bestaat niet; die filter is genegeerd." in notices
    assert "Actie Plan Samenleven ‘99’ bestaat niet; die filter is genegeerd." in notices
    assert any(notice.startswith("Sorteren op ‘x’ kan niet") for notice in notices)


def test_active_filters_are_removable_chips_with_clear_all(anonymous, catalogue):
    response = anonymous.get(URL, {"q": "werk", "gemeente": ["genk", "gent"]})
    results = response.context["results"]
    chips = {chip.label: chip.url for chip in results.chips}
    assert chips == {
        "Gemeente: Genk": "?q=werk&gemeente=gent",
        "Gemeente: Gent": "?q=werk&gemeente=genk",
    }
    assert results.clear_url == "?q=werk"
    assert "Wis alle filters" in response.content.decode()


def test_sorting(anonymous):
    old = PracticeFactory(title="B oud", published_at="2020-01-01T00:00Z")
    new = PracticeFactory(title="A nieuw", published_at="2025-01-01T00:00Z")
    assert titles(anonymous.get(URL)) == ["A nieuw", "B oud"]
    assert titles(anonymous.get(URL, {"sorteer": "nieuw"})) == ["A nieuw", "B oud"]
    old.save()  # updated now
    assert titles(anonymous.get(URL, {"sorteer": "bijgewerkt"}))[0] == old.title
    assert new.title in titles(anonymous.get(URL, {"sorteer": "titel"}))


def test_relevance_is_offered_only_with_a_query(anonymous):
    PracticeFactory(title="Jongerenwerking")
    without = anonymous.get(URL).context["results"]
    assert dict(without.sorts) == {
        "": "Titel A–Z",
        "nieuw": "Nieuwste eerst",
        "bijgewerkt": "Recent bijgewerkt",
    }
    with_query = anonymous.get(URL, {"q": "jongeren"}).context["results"]
    assert dict(with_query.sorts)[""] == "Relevantie"
    assert "titel" in dict(with_query.sorts)
    # Asking for the default by name gives the same page and no notice.
    assert not anonymous.get(URL, {"sorteer": "titel"}).context["results"].notices


def test_pagination_keeps_every_filter(anonymous, settings):
    genk = MunicipalityFactory(name="Genk", slug="genk", province="limburg")
    for n in range(25):
        PracticeFactory(title=f"Jongerenproject {n:02}", places=[genk])
    first = anonymous.get(URL, {"q": "jongerenproject", "gemeente": "genk", "sorteer": "nieuw"})
    results = first.context["results"]
    assert len(results.page.object_list) == 20
    assert results.next_url == "?q=jongerenproject&sorteer=nieuw&gemeente=genk&pagina=2"
    second = anonymous.get(URL + results.next_url)
    assert len(second.context["page"].object_list) == 5
    assert second.context["results"].previous_url.endswith("&pagina=1")


@pytest.mark.parametrize("page", ["abc", "-1", "999", "1e9", "٣"])
def test_odd_page_numbers_show_a_page_instead_of_an_error(anonymous, page):
    PracticeFactory()
    assert anonymous.get(URL, {"pagina": page}).status_code == 200


def test_empty_result_says_so_and_offers_a_spelling(anonymous):
    PracticeFactory(title="Pleinmakers", summary="Bewoners maken het plein")
    response = anonymous.get(URL, {"q": "pleinmakkers"})
    html = response.content.decode()
    assert "Geen praktijken gevonden" in html
    # PostgreSQL offers the closest title (trigrams), SQLite the closest known words.
    offered = response.context["results"].suggestion
    assert offered == ("Pleinmakers" if connection.vendor == "postgresql" else "pleinmakers")
    assert f'Bedoelde je <a href="?q={offered}">{offered}</a>?' in html


def test_words_that_find_nothing_together_are_offered_one_by_one(
    anonymous, django_assert_max_num_queries
):
    PracticeFactory(title="Samen tegen eenzaamheid", summary="Buren bezoeken elkaar")
    PracticeFactory(title="Eenzaamheid in de wijk", summary="Een buurtploeg")
    with django_assert_max_num_queries(14):
        response = anonymous.get(URL, {"q": "eenzaamheid senioren"})
    html = response.content.decode()
    assert "Geen praktijken gevonden" in html
    assert "Zoek op één woord:" in html
    assert '<a href="?q=eenzaamheid">eenzaamheid</a> (2 praktijken)' in html
    assert "senioren (geen praktijken)" in html
    # One word that finds nothing has nothing to split.
    one = anonymous.get(URL, {"q": "senioren"}).content.decode()
    assert "Zoek op één woord" not in one


def test_words_offered_one_by_one_keep_the_filters(anonymous):
    limburg = MunicipalityFactory(province="limburg")
    PracticeFactory(title="Samen tegen eenzaamheid", places=[limburg])
    PracticeFactory(title="Eenzaamheid in de wijk", places=[MunicipalityFactory()])
    PracticeFactory(title="Senioren aan zet", places=[MunicipalityFactory()])
    html = anonymous.get(URL, {"q": "eenzaamheid senioren", "provincie": "limburg"}).content
    html = html.decode()
    assert '<a href="?q=eenzaamheid&amp;provincie=limburg">eenzaamheid</a> (1 praktijk)' in html
    assert "senioren (geen praktijken)" in html


def test_the_vocabulary_correction_replaces_only_unknown_words():
    from search.text import corrected

    words = sorted(["jongeren", "omstaanders", "pleinmakers", "polarisatie", "bibliotheek"])
    assert corrected("jongern", words) == "jongeren"
    assert corrected("Polarisatie bij jongern", words) == "polarisatie bij jongeren"
    assert corrected("omstanders", words) == "omstaanders"  # never 'Standaertsite'
    assert corrected("jongeren", words) is None  # nothing to correct
    assert corrected("xyzzyplugh", words) is None  # nothing close enough
    # A word left unknown would make the suggestion find nothing too: none is offered.
    assert corrected("jongern xyzzyplugh", words) is None
    assert corrected("<script>alert(1)</script>", sorted([*words, "leert"])) is None


def test_the_databank_s_vocabulary_holds_what_visitors_can_find():
    from search.text import vocabulary

    PracticeFactory(title="Omstaanders in actie", summary="Jongeren leren ingrijpen.")
    PracticeFactory(title="Geheim concept", draft=True)
    words = vocabulary("default")
    assert {"omstaanders", "jongeren", "ingrijpen"} <= words
    assert "geheim" not in words


def test_synonyms_that_editors_keep_widen_the_query(anonymous):
    PracticeFactory(title="Actieplan", summary="Tegen polarisatie in de stad")
    assert titles(anonymous.get(URL, {"q": "polarisering"})) == []
    SynonymGroup.objects.create(terms=["polarisatie", "polarisering"])
    assert titles(anonymous.get(URL, {"q": "polarisering"})) == ["Actieplan"]


def test_a_municipality_name_finds_its_practices(anonymous):
    PracticeFactory(title="TALim", places=[MunicipalityFactory(name="Genk")])
    PracticeFactory(title="12work", places=[MunicipalityFactory(name="Mechelen")])
    assert titles(anonymous.get(URL, {"q": "genk"})) == ["TALim"]


def test_search_text_is_escaped(anonymous):
    html = anonymous.get(URL, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(
    "raw_query",
    [
        "q=a%00b&pagina=%00",  # NUL: PostgreSQL refuses it in text
        "q=%ff%fe%ED%A0%80",  # not UTF-8, and an encoded lone surrogate
        "q=%01%02%1b[31m",  # control characters
        "q=" + "lang" * 2000,  # far longer than the box allows
        "q=%27%20OR%201%3D1%20--",
        "q=&q=twee&pagina=1&pagina=2",  # repeated parameters
        "gemeente=" + "x" * 5000 + "&actie=99999999999999999999999",
        "&".join(f"tag=t{n}" for n in range(500)),
        "provincie=%00&categorie=%27",
    ],
)
def test_odd_urls_never_break_the_page(anonymous, raw_query):
    PracticeFactory(title="Jongeren")
    assert anonymous.get(f"{URL}?{raw_query}").status_code == 200


def test_a_query_is_tidied_before_it_is_searched_and_shown(anonymous):
    PracticeFactory(title="Jongeren in de buurt")
    response = anonymous.get(URL, {"q": "  jongeren\x00\tbuurt  "})
    assert response.context["query"] == "jongeren buurt"
    assert titles(response) == ["Jongeren in de buurt"]


def test_home_page_leads_into_the_search_with_the_right_parameters(anonymous, catalogue):
    html = anonymous.get(reverse("practices:home")).content.decode()
    assert f'href="{URL}?categorie=cohesie"' in html
    assert f'href="{URL}?actie=22"' in html


@pytest.mark.parametrize("practices", [3, 45])
def test_query_count_is_fixed_whatever_the_data_and_the_filters(
    anonymous, django_assert_max_num_queries, practices
):
    # synonyms 1, checking the URL's values 1, who and what the words reach beyond the texts
    # (1: the practices, why, and the actions, events and organisations they name), on
    # PostgreSQL the practices the words match 1, every facet's counts with the number of
    # results 1, the page 1, its places and actions 2 (on PostgreSQL with words: the page
    # with its places and actions in 1, search.cards, and which of the page's
    # contacts hold the words 1), and either the small map of the results (1: by
    # municipality and by area) or, when nothing is found, a suggestion (1), and counting
    # the search for the editors (1, insights.middleware): at most 10, on PostgreSQL 9.
    provinces = [choice for choice, _ in Municipality.Province.choices]
    for n in range(practices):
        practice = PracticeFactory(
            places=[MunicipalityFactory(province=provinces[n % len(provinces)])]
        )
        practice.actions.add(ActionFactory())
        practice.target_groups.add(TargetGroupFactory())
        practice.tags.add(f"trefwoord{n}")
    params = {"q": "praktijk", "provincie": "limburg", "actie": ["1", "2"], "tag": "trefwoord1"}
    with django_assert_max_num_queries(9 if connection.vendor == "postgresql" else 10):
        assert anonymous.get(URL, params).status_code == 200
    with django_assert_max_num_queries(7):
        assert anonymous.get(URL, {"q": "onvindbaarwoord"}).status_code == 200


def test_a_long_facet_shows_its_most_frequent_values_and_all_on_request(anonymous):
    from search.filters import SHORT_LIST

    busy = MunicipalityFactory(slug="gent", name="Gent")
    for n in range(SHORT_LIST + 5):
        PracticeFactory(places=[busy, MunicipalityFactory(slug=f"gemeente-{n:02}")])
    response = anonymous.get(URL, {"gemeente": "gemeente-24"})
    group = next(g for g in response.context["results"].facets if g.param == "gemeente")
    keys = [value.key for value in group.values]
    assert len(keys) == SHORT_LIST
    assert keys[:2] == ["gemeente-24", "gent"]  # the chosen one first, then the most frequent
    assert group.more_url == "?gemeente=gemeente-24&alle=gemeente"
    everything = anonymous.get(URL + group.more_url)
    group = next(g for g in everything.context["results"].facets if g.param == "gemeente")
    assert len(group.values) == SHORT_LIST + 6 and not group.more_url
    assert group.less_url == "?gemeente=gemeente-24"
    html = everything.content.decode()
    assert 'href="?gemeente=gemeente-24">Toon minder<span class="visually-hidden"> gemeente' in html
    assert 'Toon meer<span class="visually-hidden"> waarden voor gemeente' in (
        response.content.decode()
    )


def test_words_that_find_practices_outside_the_filters_say_so_instead_of_a_suggestion(
    anonymous, catalogue
):
    response = anonymous.get(URL, {"q": "pleinmakers", "categorie": "werk"})
    html = response.content.decode()
    assert response.context["page"].paginator.count == 0
    assert "‘pleinmakers’ vindt 1 praktijk, maar geen met de gekozen filters." in html
    assert '<a href="?q=pleinmakers">Toon ze zonder filters</a>' in html
    assert "Bedoelde je" not in html
    # Words that find nothing themselves still get a suggestion, filters or not.
    html = anonymous.get(URL, {"q": "pleinmakrs", "categorie": "werk"}).content.decode()
    assert "vindt" not in html
    # (PostgreSQL suggests the title as written, SQLite the word as the databank has it.)
    offered = 'bedoelde je <a href="?q=pleinmakers&amp;categorie=werk">pleinmakers</a>?'
    assert offered in html.lower()


def test_facet_options_are_escaped_and_keep_their_state(anonymous):
    odd = CategoryFactory(slug="a-en-b", name='Kunst & "cultuur" <i>')
    PracticeFactory(category=odd)
    PracticeFactory(category=CategoryFactory(slug="werk", name="Werk"))
    html = anonymous.get(URL, {"categorie": "a-en-b"}).content.decode()
    assert (
        '<input type="checkbox" id="f-categorie-1" name="categorie" value="a-en-b" checked>' in html
    )
    assert (
        '<label for="f-categorie-1">Kunst &amp; &quot;cultuur&quot; &lt;i&gt; '
        '<span class="count">(1)</span></label>' in html
    )
    assert '<input type="checkbox" id="f-categorie-2" name="categorie" value="werk">' in html
