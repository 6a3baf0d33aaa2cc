from django.shortcuts import get_object_or_404, redirect, render

from config.network import client_address
from enquiries import services
from enquiries.forms import EnquiryForm
from practices.models import Practice
from submissions.forms import field_errors

RATE_LIMITED = (
    "Er kwamen vandaag al veel vragen van dit internetadres. Probeer het morgen opnieuw, of "
    "mail de redactie rechtstreeks."
)


def ask(request, slug):
    practice = get_object_or_404(Practice.objects.published().only("title", "slug"), slug=slug)
    form = EnquiryForm(request.POST or None)
    problem = ""
    if request.method == "POST" and form.is_valid():
        try:
            services.ask_editors(
                practice=practice,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                message=form.cleaned_data["message"],
                address=client_address(request),
                robot=form.is_robot(),
            )
        except services.RateLimited:
            problem = RATE_LIMITED
        else:
            return redirect("enquiries:sent", slug=practice.slug)
    errors = field_errors(form)
    return render(
        request,
        "enquiries/ask.html",
        {"practice": practice, "form": form, "problem": problem, "errors": errors},
    )


def sent(request, slug):
    practice = get_object_or_404(Practice.objects.published().only("title", "slug"), slug=slug)
    return render(request, "enquiries/sent.html", {"practice": practice})
