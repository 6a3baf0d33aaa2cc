"""How many practices of a search run in each arrondissement, and where abroad: two queries
whatever the data (one by municipality, one by arrondissement, both counted by the database)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Case, CharField, Count, Value, When
from django.urls import reverse

from maps.areas import area_of_municipality, codes_by_area, shapes
from practices.models import Municipality, PracticeLocation

# The colours of the areas by number of practices, light to dark (the legend says which is
# which); an area without practices is grey.
STEPS = ["#d7e9f1", "#a7cfe0", "#6aaac6", "#2f7fa3", "#0b5a7a"]
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


def map_figures(practices, *, search_params=(), width=600, tolerance=1.5) -> MapFigures:
    """`practices`: a queryset of the practices to count (a search's results)."""
    drawn = shapes(width, tolerance)
    locations = PracticeLocation.objects.filter(practice__in=practices.values("pk")).order_by()
    per_municipality = locations.values(
        "municipality__slug",
        "municipality__name",
        "municipality__nis_code",
        "municipality__country",
    ).annotate(count=Count("practice", distinct=True))
    area = Case(
        *[
            When(municipality__nis_code__in=codes, then=Value(a))
            for a, codes in codes_by_area().items()
        ],
        default=Value(""),
        output_field=CharField(),
    )
    per_area = dict(
        locations.annotate(area=area)
        .exclude(area="")  # abroad, or a wider area without one municipality
        .values("area")
        .annotate(count=Count("practice", distinct=True))
        .values_list("area", "count")
    )
    areas = {a.id: AreaFigure(a.id, a.name, a.path, a.label_x, a.label_y) for a in drawn.areas}
    abroad = []
    of_code = area_of_municipality()
    for row in per_municipality:
        slug, name = row["municipality__slug"], row["municipality__name"]
        if slug is None:
            continue  # a wider area without one municipality ("Meer dan 30 gemeenten")
        if row["municipality__country"] != Municipality.Country.BELGIUM:
            country = Municipality.Country(row["municipality__country"]).label
            abroad.append((slug, name, country, row["count"]))
        elif row["municipality__nis_code"] in of_code:
            areas[of_code[row["municipality__nis_code"]]].municipalities.append(
                (slug, name, row["count"])
            )
    kept = [(k, v) for k, v in search_params if k not in ("gemeente", "pagina", "alle")]
    search = reverse("practices:practice_list")

    def url_for(*slugs):
        return search + "?" + urlencode(kept + [("gemeente", slug) for slug in slugs])

    steps = _steps(max([per_area.get(a, 0) for a in areas] + [0]))
    for figure in areas.values():
        figure.count = per_area.get(figure.id, 0)
        found = sorted(figure.municipalities, key=lambda m: m[1])
        figure.municipalities = [(name, count, url_for(slug)) for slug, name, count in found]
        if figure.count:
            figure.url = url_for(*[slug for slug, _, _ in found])
            step = next(n for n, top in enumerate(steps) if figure.count <= top)
            figure.colour = STEPS[step]
            figure.text_colour = "#ffffff" if step >= 3 else "#1d2733"
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
