from django.conf import settings
from django.shortcuts import render

from practices.page_cache import for_visitors
from search.results import run_search


@for_visitors
def results(request):
    """/praktijken/: the search page (words, facets with counts, sorting, pages)."""
    found = run_search(request.GET, per_page=settings.PRACTICES_PER_PAGE)
    response = render(
        request,
        "search/results.html",
        {"results": found, "page": found.page, "query": found.query, "nav": "practices"},
    )
    # For whoever counts searches (insights.middleware): how many this one found.
    response.results_found = found.page.paginator.count
    return response
