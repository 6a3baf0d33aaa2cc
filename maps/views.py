from django.shortcuts import render

from maps.areas import CREDIT, CREDIT_URL
from maps.figures import map_figures
from search.results import parse_search, search_title


def map_page(request):
    """/kaart/: where the practices of any search run (all of them without parameters)."""
    search = parse_search(request.GET)
    params = [(k, v) for k, values in request.GET.lists() for v in values]
    figures = map_figures(search.ordered, search_params=params, adoptions=True)
    title = search_title(search.query, search.selected)
    return render(
        request,
        "maps/map.html",
        {
            "figures": figures,
            "title": title,
            "search_url": "?" + request.GET.urlencode() if request.GET else "",
            "credit": CREDIT,
            "credit_url": CREDIT_URL,
            "nav": "map",
        },
    )
