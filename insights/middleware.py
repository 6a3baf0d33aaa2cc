"""Counts searches as responses leave, so that the search does not know about it (it sets
`response.results_found`, nothing more). A search with words or filters is never served from
the page cache, so this sees each one. Sheet views are counted by a beacon from the sheet
(js/seen.js, insights.views.viewed): a sheet served from the page cache stays query-free."""

import logging

from django.db import DatabaseError

from insights.recording import record_search

logger = logging.getLogger(__name__)


class CountSearchesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if request.method != "GET" or response.status_code != 200 or match is None:
            return response
        if match.view_name != "search:results":
            return response
        try:
            record_search(request, getattr(response, "results_found", 0))
        except DatabaseError:
            # A count never costs a visitor the page.
            logger.warning("Search not counted", exc_info=True)
        return response
