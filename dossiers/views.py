from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, render

from dossiers.models import Dossier, DossierEntry
from practices.models import Event, Practice


def dossier_list(request):
    dossiers = Dossier.objects.published().annotate(
        shown=Count("entries", filter=Q(entries__practice__status=Practice.Status.PUBLISHED))
    )
    return render(request, "dossiers/list.html", {"dossiers": dossiers, "nav": "dossiers"})


def dossier_detail(request, slug):
    """The dossier's published practices in the editor's order, each with its note."""
    dossier = get_object_or_404(
        Dossier.objects.published().prefetch_related(
            Prefetch(
                "entries",
                queryset=DossierEntry.objects.filter(
                    practice__status=Practice.Status.PUBLISHED
                ).select_related("practice", "practice__category"),
            ),
            Prefetch("events", queryset=Event.objects.order_by("year", "month", "day")),
        ),
        slug=slug,
    )
    return render(request, "dossiers/detail.html", {"dossier": dossier, "nav": "dossiers"})
