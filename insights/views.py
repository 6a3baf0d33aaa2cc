"""The editors' page of what visitors look for, and the note of which result was opened."""

from urllib.parse import urlencode

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from insights.models import SearchDay
from insights.recording import record_opened, record_view
from insights.services import MIN_SEARCHERS, searched
from practices.models import Practice

PERIODS = (30, 90)


def _with_links(rows):
    """Each search with its search page and the one-click starts an editor needs."""
    synonym = reverse("admin:practices_synonymgroup_add")
    practice = reverse("admin:practices_practice_add")
    search = reverse("search:results")
    return [
        {
            "row": row,
            "search_url": f"{search}?{urlencode({'q': row.words})}&{row.filters}".rstrip("&?"),
            "synonym_url": f"{synonym}?{urlencode({'terms': row.words})}" if row.words else "",
            "practice_url": f"{practice}?{urlencode({'title': row.words})}" if row.words else "",
        }
        for row in rows
    ]


def searches(request):
    if not request.user.has_perm("insights.view_searchday"):
        raise PermissionDenied
    try:
        days = int(request.GET.get("periode", PERIODS[0]))
    except ValueError:
        days = PERIODS[0]
    days = days if days in PERIODS else PERIODS[0]
    context = {
        **admin.site.each_context(request),
        "title": "Wat bezoekers zoeken",
        "opts": SearchDay._meta,
        "days": days,
        "periods": PERIODS,
        "min_searchers": MIN_SEARCHERS,
        "without_results": _with_links(searched(days=days, without_results=True)),
        "most_searched": _with_links(searched(days=days)),
    }
    return render(request, "insights/searches.html", context)


@csrf_exempt  # a beacon from js/search.js; it can only set the sender's own row of today
@require_POST
def opened(request):
    """Which result the visitor opened from a search: its position, on their row of today."""
    params = QueryDict(request.POST.get("zoekopdracht", "")[:2000])
    try:
        position = int(request.POST.get("plaats", ""))
    except ValueError:
        position = 0
    record_opened(request, params, position)
    return HttpResponse(status=204)


@csrf_exempt  # a beacon from js/seen.js on a sheet; it can only add one view to a sheet
@require_POST
def viewed(request):
    """A sheet was opened (counted per month; robots that run no script never get here)."""
    slug = request.POST.get("fiche", "")[:200]
    if slug and Practice.objects.published().filter(slug=slug).exists():
        record_view(request, slug)
    return HttpResponse(status=204)
