from itertools import groupby

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from config.links import absolute_url
from practices.content_cache import cached
from practices.models import (
    Action,
    Category,
    Event,
    FormerSlug,
    Organisation,
    Practice,
    PracticeLocation,
    Role,
    Session,
    Source,
)
from practices.page_cache import for_visitors
from practices.related import related_practices

NEWEST_ON_HOME = 6
# Category, action and organisation pages show this many practices (places on a category
# page) and link to the rest: their size does not grow with the databank.
FIRST_ON_PAGE = 24


@for_visitors
def home(request):
    categories, actions, newest = cached(
        "home",
        lambda: (
            list(Category.objects.with_published_practice_count()),
            list(Action.objects.with_published_practice_count()),
            list(Practice.objects.published().for_cards().newest()[:NEWEST_ON_HOME]),
        ),
    )
    return render(
        request,
        "practices/home.html",
        {"categories": categories, "actions": actions, "newest": newest, "nav": "home"},
    )


@for_visitors
def practice_detail(request, slug):
    practice = Practice.objects.visible_to(request.user).for_sheet().filter(slug=slug).first()
    if practice is None:
        return _moved_or_withdrawn(request, slug)
    related = related_practices(practice)
    return render(
        request,
        "practices/practice_detail.html",
        {
            "practice": practice,
            "related": related,
            "share_url": absolute_url(practice.get_absolute_url()),
            "nav": "practices",
        },
    )


def _moved_or_withdrawn(request, slug):
    """A shared link keeps working: an old address redirects for good, a withdrawn sheet
    says so (410), and only what never was public is not found (404)."""
    former = FormerSlug.objects.select_related("practice").filter(slug=slug).first()
    if former is not None:
        return redirect(former.practice, permanent=True)
    withdrawn = Practice.objects.filter(slug=slug, published_at__isnull=False).only("title").first()
    if withdrawn is None:
        raise Http404
    return render(
        request, "practices/withdrawn.html", {"practice": withdrawn, "nav": "practices"}, status=410
    )


@for_visitors
def category_detail(request, slug):
    category = get_object_or_404(
        Category.objects.prefetch_related(
            "target_groups",
            "policy_domains",
            Prefetch("sources", queryset=Source.objects.select_related("event")),
        ),
        slug=slug,
    )
    locations = PracticeLocation.objects.published().filter(practice__category=category)
    places = [
        (place, list(rows))
        for place, rows in groupby(locations[:FIRST_ON_PAGE], key=lambda row: row.place_name)
    ]
    return render(
        request,
        "practices/category_detail.html",
        {
            "category": category,
            "places": places,
            "shown": sum(len(rows) for _, rows in places),
            "total": Practice.objects.published().filter(category=category).count(),
            "nav": "practices",
        },
    )


@for_visitors
def action_list(request):
    actions = Action.objects.with_published_practice_count().select_related("mentor_municipality")
    return render(request, "practices/action_list.html", {"actions": actions, "nav": "actions"})


@for_visitors
def action_detail(request, number):
    action = get_object_or_404(
        Action.objects.select_related("mentor_municipality").prefetch_related(
            # The source gives an action's contact with its mentor municipality.
            Prefetch("roles", queryset=Role.objects.for_display().contacts(), to_attr="contacts"),
            Prefetch(
                "roles",
                queryset=Role.objects.for_display().exclude(kind=Role.Kind.CONTACT),
                to_attr="workers",
            ),
            Prefetch("sources", queryset=Source.objects.select_related("event")),
            Prefetch(
                "sessions",
                queryset=Session.objects.with_event().prefetch_related(
                    Prefetch("roles", queryset=Role.objects.for_display())
                ),
            ),
        ),
        number=number,
    )
    practices = action.practices.published()
    return render(
        request,
        "practices/action_detail.html",
        {
            "action": action,
            "practices": practices.for_cards()[:FIRST_ON_PAGE],
            "total": practices.count(),
            "nav": "actions",
        },
    )


def _session_parts():
    """What a session shows on a page: its people, its published practices, its actions."""
    return (
        Prefetch("roles", queryset=Role.objects.for_display()),
        Prefetch("practices", queryset=Practice.objects.published().only("title", "slug")),
        "actions",
    )


@for_visitors
def event_list(request):
    events = Event.objects.for_list()
    return render(request, "practices/event_list.html", {"events": events, "nav": "events"})


@for_visitors
def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.select_related("municipality").prefetch_related(
            "organisers",
            "partners",
            Prefetch("sources", queryset=Source.objects.select_related("event")),
            Prefetch(
                "sessions",
                queryset=Session.objects.filter(parent__isnull=True).prefetch_related(
                    *_session_parts(),
                    Prefetch("parts", queryset=Session.objects.prefetch_related(*_session_parts())),
                ),
                to_attr="programme",
            ),
        ),
        slug=slug,
    )
    return render(request, "practices/event_detail.html", {"event": event, "nav": "events"})


@for_visitors
def organisation_list(request):
    organisations = Organisation.objects.select_related("parent")
    return render(
        request,
        "practices/organisation_list.html",
        {"organisations": organisations, "nav": "about"},
    )


@for_visitors
def organisation_detail(request, slug):
    organisation = get_object_or_404(
        Organisation.objects.select_related("parent").prefetch_related(
            "units",
            Prefetch(
                "practices",
                queryset=Practice.objects.published().for_cards()[:FIRST_ON_PAGE],
                to_attr="first_practices",
            ),
            Prefetch("sessions", queryset=Session.objects.with_event()),
            "organised_events",
            "partnered_events",
            Prefetch("roles", queryset=Role.objects.for_display().with_session()),
        ),
        slug=slug,
    )
    total = organisation.practices.published().count()
    return render(
        request,
        "practices/organisation_detail.html",
        {"organisation": organisation, "total": total, "nav": "about"},
    )


def organisation_practices(request, slug):
    """All practices of an organisation, a page at a time (its page shows the first ones)."""
    organisation = get_object_or_404(Organisation, slug=slug)
    practices = organisation.practices.published().for_cards().order_by("title", "pk")
    page = Paginator(practices, settings.PRACTICES_PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "practices/organisation_practices.html",
        {
            "organisation": organisation,
            "page": page,
            "previous_url": f"?pagina={page.number - 1}" if page.has_previous() else "",
            "next_url": f"?pagina={page.number + 1}" if page.has_next() else "",
            "nav": "about",
        },
    )
