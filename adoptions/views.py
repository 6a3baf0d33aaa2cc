from django.shortcuts import get_object_or_404, redirect, render

from adoptions import services
from adoptions.forms import AdoptionForm
from config.network import client_address
from practices.models import Municipality, Practice
from submissions.forms import field_errors

RATE_LIMITED = (
    "Er kwamen net veel meldingen van dit internetadres. Probeer het over een uur opnieuw."
)


def adopt(request, slug):
    """'Wij doen dit ook': a town that runs or ran this practice tells the editors."""
    practice = get_object_or_404(Practice.objects.published().only("title", "slug"), slug=slug)
    form = AdoptionForm(request.POST or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.submit_adoption(
                practice=practice,
                fields=form.adoption_fields(),
                address=client_address(request),
                robot=form.is_robot(),
            )
        except services.RateLimited:
            problem = RATE_LIMITED
        else:
            return redirect("adoptions:sent", slug=practice.slug)
    errors = field_errors(form)
    return render(
        request,
        "adoptions/adopt.html",
        {
            "practice": practice,
            "form": form,
            "problem": problem,
            "errors": errors,
            "municipalities": Municipality.objects.order_by("name").values_list("name", flat=True),
        },
    )


def sent(request, slug):
    practice = get_object_or_404(Practice.objects.published().only("title", "slug"), slug=slug)
    return render(request, "adoptions/sent.html", {"practice": practice})
