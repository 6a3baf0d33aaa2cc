from django.conf import settings
from django.core.cache import cache
from django.db.models import Prefetch
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from config.links import absolute_url
from config.network import client_address, rate_limit_key
from evidence.models import Assessment
from opendata.exports import export_rows
from opendata.views import TYPES, export_response
from practices.content_cache import CACHE_ERRORS
from practices.models import Practice
from shortlist import shortlist

COMPARE_MIN, COMPARE_MAX = 2, 4


# "Bewaar" posts per client in ten minutes: far more than a person clicks, far fewer than a
# script that makes a session (and a cache key) with every post.
TOGGLE_LIMIT, TOGGLE_WINDOW = 120, 600


def _too_often(request):
    """Count this client's posts in the cache (while it is down, nobody is limited)."""
    key = f"bewaar:{rate_limit_key(client_address(request))}"
    try:
        cache.add(key, 0, timeout=TOGGLE_WINDOW)
        return cache.incr(key) > TOGGLE_LIMIT
    except CACHE_ERRORS:
        return False


@require_POST
def toggle(request, slug):
    """ "Bewaar" / "Haal van je bewaarlijst": a plain form post, so it works without script."""
    if _too_often(request):
        response = render(request, "shortlist/too_often.html", status=429)
        response["Retry-After"] = str(TOGGLE_WINDOW)
        return response
    practice = get_object_or_404(Practice.objects.published().only("pk", "title"), slug=slug)
    if request.POST.get("actie") == "verwijder":
        shortlist.remove(request.session, practice.pk)
    else:
        shortlist.add(request.session, practice.pk)
    if request.headers.get("Accept") == "application/json":
        # js/shortlist.js: the button changes in place, the page stays where it is.
        saved = practice.pk in shortlist.ids_in(request.session)
        count = len(shortlist.ids_in(request.session))
        return JsonResponse({"saved": saved, "count": count, "title": practice.title})
    back = request.POST.get("volgende", "")
    if url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        return redirect(back)
    return redirect("shortlist:list")


def _practices(ids=None, slugs=None):
    latest_first = Assessment.objects.latest_first()
    published = (
        Practice.objects.published()
        .for_sheet()
        .prefetch_related(Prefetch("assessments", latest_first, to_attr="assessments_latest_first"))
    )
    if slugs is not None:
        return list(shortlist.in_list_order(published, "slug", slugs))
    return list(shortlist.in_list_order(published, "pk", ids))


def _with_addresses(practices):
    """Each practice with its sheet's full address, for the printed list."""
    for practice in practices:
        practice.address = absolute_url(practice.get_absolute_url())
    return practices


def shortlist_page(request):
    practices = _with_addresses(_practices(ids=shortlist.ids_in(request.session)))
    slugs = [practice.slug for practice in practices]
    share_url = ""
    if slugs:
        share_url = absolute_url(reverse("shortlist:shared", args=[shortlist.share_token(slugs)]))
    return render(
        request,
        "shortlist/shortlist.html",
        {"practices": practices, "share_url": share_url, "own": True, "nav": "shortlist"},
    )


def shared(request, token):
    slugs = shortlist.slugs_from(token)
    if slugs is None:
        raise Http404
    return render(
        request,
        "shortlist/shortlist.html",
        {"practices": _with_addresses(_practices(slugs=slugs)), "own": False, "nav": "shortlist"},
    )


def compare(request):
    slugs = list(dict.fromkeys(request.GET.getlist("fiche")))[:COMPARE_MAX]
    practices = _practices(slugs=slugs)
    error, choices = "", []
    if len(practices) < COMPARE_MIN:
        error = f"Kies {COMPARE_MIN} tot {COMPARE_MAX} praktijken om te vergelijken" + (
            f"; je koos er {len(practices)}." if practices else "; je koos er nog geen."
        )
        # Not a dead end: the shortlist to choose from, with what was chosen ticked.
        choices = _practices(ids=shortlist.ids_in(request.session))
    return render(
        request,
        "shortlist/compare.html",
        {
            "practices": practices,
            "error": error,
            "choices": choices,
            "chosen": slugs,
            "nav": "shortlist",
        },
    )


def export(request, fmt):
    if fmt not in TYPES:
        raise Http404
    practices = shortlist.in_list_order(
        Practice.objects.published(), "pk", shortlist.ids_in(request.session)
    )
    rows = export_rows(practices, site_url=settings.SITE_URL.rstrip("/"))
    return export_response(rows, fmt, name="bewaarlijst", meta={"bron": "bewaarlijst"})
