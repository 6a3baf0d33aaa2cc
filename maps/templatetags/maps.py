from django import template

from maps.areas import CREDIT
from maps.figures import map_figures

register = template.Library()


@register.inclusion_tag("maps/_small_map.html")
def small_map(results):
    """The search page's small map of its own results (one query; none without results)."""
    if not results.page.paginator.count:
        return {"figures": None}
    params = [(k, v) for k, values in results.params.lists() for v in values]
    figures = map_figures(
        results.practices,
        search_params=params,
        width=300,
        tolerance=2.0,
        links_per_municipality=False,  # the small map lists no municipalities
        found=results.found,
    )
    return {"figures": figures, "credit": CREDIT, "map_query": results.export_query}
