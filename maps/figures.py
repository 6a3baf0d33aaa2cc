"""How many practices of a search run in each arrondissement, and where abroad: one query
whatever the data (by municipality and by arrondissement, both counted by the database)."""

import functools
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db import connections
from django.urls import reverse
from pyroaring import BitMap

from maps.areas import area_of_municipality, shapes
from practices.models import Municipality
from practices.models.life import ENDED
from search.postgres import rows_of

# The colours of the areas by number of practices, light to dark (the legend says which is
# which); an area without practices is grey.
STEPS = ["#d7e9f1", "#a7cfe0", "#6aaac6", "#2a7394", "#0b5a7a"]


def label_colour(step):
    """The count's colour on an area of this step: dark on the light steps, white on the
    dark ones, at least 4.5:1 either way (tests/test_map.py)."""
    return "#ffffff" if step >= 3 else "#1d2733"


NONE = "#eef1f4"


@dataclass
class AreaFigure:
    id: str
    name: str
    path: str
    label_x: float
    label_y: float
    count: int = 0
    municipalities: list = field(default_factory=list)  # (name, count, url), by name
    url: str = ""
    colour: str = NONE
    text_colour: str = "#1d2733"
    adopted: int = 0  # practices taken over here from elsewhere ('Ook toegepast in')
    ended: int = 0  # of the practices here, those that ended (afgelopen or gestopt)


@dataclass
class MapFigures:
    width: int
    height: int
    areas: list
    abroad: list  # (name, country, count, url), by name
    legend: list  # (colour, label)

    @property
    def by_count(self):
        return sorted(self.areas, key=lambda a: (-a.count, a.name))


def _steps(highest):
    """Upper bounds of the colour steps: 1, then evenly up to the highest count."""
    if highest <= len(STEPS):
        return list(range(1, highest + 1))
    return [round(highest * (n + 1) / len(STEPS)) for n in range(len(STEPS))]


AREA_ID = re.compile(r"[a-z-]+")


@functools.cache
def _areas_sql():
    """The arrondissement of every Belgian municipality as a VALUES list (code, area), to
    join on: the codes are digits and the ids lower-case words, checked here, so the list
    is written once per process. A CASE of 12 lists of codes cost 6 ms per search."""
    rows = []
    for code, area in sorted(area_of_municipality().items()):
        if not (code.isdigit() and AREA_ID.fullmatch(area)):
            raise ValueError(f"unexpected municipality code or area: {code!r}, {area!r}")
        rows.append(f"('{code}', '{area}')")
    return f"(VALUES {', '.join(rows)})"


def _counts(practices):
    """One statement: per municipality (slug, name, code, country, count), then per
    arrondissement ('', area, '', '', count); each counts distinct practices."""
    ids_sql, params = practices.order_by().values("pk").query.sql_with_params()
    quote = connections[practices.db].ops.quote_name
    location, municipality = quote("practices_practicelocation"), quote("practices_municipality")
    places = f"FROM {location} loc JOIN {municipality} m ON m.id = loc.municipality_id"
    # The places of the practices found, read once for both counts (a broad search finds
    # thousands: reading them twice cost as much again).
    sql = f"""
        WITH found AS MATERIALIZED (
            SELECT loc.practice_id, m.id, m.slug, m.name, m.nis_code, m.country
            {places} WHERE loc.practice_id IN ({ids_sql})
        )
        SELECT slug, name, nis_code, country, COUNT(DISTINCT practice_id) FROM found
        GROUP BY id, slug, name, nis_code, country
        UNION ALL
        SELECT '', area.column2, '', '', COUNT(DISTINCT found.practice_id)
        FROM found JOIN {_areas_sql()} AS area ON area.column1 = found.nis_code
        GROUP BY area.column2
    """
    rows = rows_of(connections[practices.db], sql, list(params))
    per_municipality = [row for row in rows if row[0]]
    per_area = {row[1]: row[4] for row in rows if not row[0]}
    return per_municipality, per_area


def _places(index):
    """Per Belgian or foreign municipality of the facet index (search.bitmaps): its slug,
    name, code, country and practices; per arrondissement, the practices of its
    municipalities. Read once per index (one query)."""

    def read():
        of_code = area_of_municipality()
        municipalities = Municipality.objects.using(index.using).values_list(
            "slug", "name", "nis_code", "country"
        )
        places, areas = [], {}
        for slug, name, code, country in municipalities:
            practices = index.by_key["gemeente"].get(slug)
            if practices:
                places.append((slug, name, code, country, practices))
                if code in of_code:
                    areas.setdefault(of_code[code], []).append(practices)
        return places, {area: BitMap.union(*found) for area, found in areas.items()}

    if "map" not in index.derived:
        index.derived["map"] = read()
    return index.derived["map"]


def _counts_in_memory(index, found):
    """What _counts gives, counted on the facet index in memory for the bitmap `found`."""
    places, areas = _places(index)
    per_municipality = []
    for slug, name, code, country, practices in places:
        count = found.intersection_cardinality(practices)
        if count:
            per_municipality.append((slug, name, code, country, count))
    per_area = {}
    for area, practices in areas.items():
        count = found.intersection_cardinality(practices)
        if count:
            per_area[area] = count
    return per_municipality, per_area


def _adopted_and_ended(practices):
    """One statement: per arrondissement, how many of these practices a town there took
    over (an accepted 'Wij doen dit ook'), apart from where they run; and how many of those
    that run there have ended (afgelopen or gestopt). Returns ({area: n}, {area: n})."""
    ids_sql, params = practices.order_by().values("pk").query.sql_with_params()
    quote = connections[practices.db].ops.quote_name
    adoption, municipality = quote("adoptions_adoption"), quote("practices_municipality")
    location, practice = quote("practices_practicelocation"), quote("practices_practice")
    ended = ", ".join(f"'{status.value}'" for status in ENDED)
    sql = f"""
        SELECT 'adopted', area.column2, COUNT(DISTINCT a.practice_id)
        FROM {adoption} a JOIN {municipality} m ON m.id = a.municipality_id
        JOIN {_areas_sql()} AS area ON area.column1 = m.nis_code
        WHERE a.status = 'accepted' AND a.practice_id IN ({ids_sql})
        GROUP BY area.column2
        UNION ALL
        SELECT 'ended', area.column2, COUNT(DISTINCT loc.practice_id)
        FROM {location} loc JOIN {municipality} m ON m.id = loc.municipality_id
        JOIN {practice} p ON p.id = loc.practice_id
        JOIN {_areas_sql()} AS area ON area.column1 = m.nis_code
        WHERE p.life_status IN ({ended}) AND loc.practice_id IN ({ids_sql})
        GROUP BY area.column2
    """
    found = {"adopted": {}, "ended": {}}
    for kind, area, count in rows_of(connections[practices.db], sql, [*params, *params]):
        found[kind][area] = count
    return found["adopted"], found["ended"]


def map_figures(
    practices,
    *,
    search_params=(),
    width=600,
    tolerance=1.5,
    links_per_municipality=True,
    adoptions=False,
    found=None,
) -> MapFigures:
    """`practices`: a queryset of the practices to count (a search's results). Without
    `links_per_municipality` (the search page's small map, which lists no municipalities)
    an area's municipalities are counted but not linked one by one: a broad search at
    100,000 practices found some 500 municipalities, each a URL to build. With `adoptions`
    (the /kaart/ page) each area also counts the practices taken over there, and those of its
    practices that have ended (one query). `found`, a search's (facet index, bitmap of the
    practices found) (search.bitmaps), counts them in memory instead of by a query."""
    drawn = shapes(width, tolerance)
    per_municipality, per_area = _counts(practices) if found is None else _counts_in_memory(*found)
    areas = {a.id: AreaFigure(a.id, a.name, a.path, a.label_x, a.label_y) for a in drawn.areas}
    if adoptions:
        adopted, ended = _adopted_and_ended(practices)
        for area, count in adopted.items():
            if area in areas:
                areas[area].adopted = count
        for area, count in ended.items():
            if area in areas:
                areas[area].ended = count
    abroad = []
    of_code = area_of_municipality()
    # (A wider area without one municipality, "Meer dan 30 gemeenten", has no row.)
    for slug, name, code, country, count in per_municipality:
        if country != Municipality.Country.BELGIUM:
            abroad.append((slug, name, Municipality.Country(country).label, count))
        elif code in of_code:
            areas[of_code[code]].municipalities.append((slug, name, count))
    kept = [(k, v) for k, v in search_params if k not in ("gemeente", "pagina", "alle")]
    search = reverse("search:results")

    def url_for(*slugs):
        return search + "?" + urlencode(kept + [("gemeente", slug) for slug in slugs])

    steps = _steps(max([per_area.get(a, 0) for a in areas] + [0]))
    for figure in areas.values():
        figure.count = per_area.get(figure.id, 0)
        found = sorted(figure.municipalities, key=lambda m: m[1])
        figure.municipalities = [
            (name, count, url_for(slug) if links_per_municipality else "")
            for slug, name, count in found
        ]
        if figure.count:
            figure.url = url_for(*[slug for slug, _, _ in found])
            step = next(n for n, top in enumerate(steps) if figure.count <= top)
            figure.colour = STEPS[step]
            figure.text_colour = label_colour(step)
    abroad = [(name, country, count, url_for(slug)) for slug, name, country, count in abroad]
    legend = [(NONE, "geen")]
    low = 1
    for colour, top in zip(STEPS, steps, strict=False):
        legend.append((colour, str(top) if top == low else f"{low}–{top}"))
        low = top + 1
    return MapFigures(
        drawn.width,
        drawn.height,
        list(areas.values()),
        sorted(abroad),
        legend,
    )


def warm_up():
    """Draw the maps and list the areas ahead of the first search (config.wsgi): drawing
    them takes about a second, which the first visitor of each app process waited for."""
    shapes(300, 2.0)  # the search page's small map (maps.templatetags)
    shapes()  # /kaart/
    _areas_sql()
