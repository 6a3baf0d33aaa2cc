"""The second step of an editor's login: enrol an authenticator app the first time, type its
code every time after (or a backup code), as pages of the admin."""

from django.contrib import admin
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from twofactor import services
from twofactor.forms import CodeForm


def _next(request):
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(wanted, {request.get_host()}, request.is_secure()):
        return wanted
    return reverse("admin:index")


def _page(request, template, title, **context):
    return render(
        request,
        template,
        {**admin.site.each_context(request), "title": title, "next": _next(request), **context},
    )


def verify(request):
    """/beheer/tweede-stap/: the code from the app (or a backup code)."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return redirect(reverse("admin:login"))
    if not services.required(request):
        return redirect(_next(request))
    if services.app_device(request.user) is None:
        return redirect(f"{reverse('twofactor:enrol')}?next={_next(request)}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if services.verify(request=request, code=form.cleaned_data["code"]):
            return redirect(_next(request))
        form.add_error(
            "code",
            "Deze code klopt niet (of is al gebruikt). Wacht op de volgende code van je app; "
            "na elke foute code duurt het wat langer voor je het opnieuw kunt proberen.",
        )
    title = "Fout: Tweede stap" if form.errors else "Tweede stap"
    return _page(request, "twofactor/verify.html", title, form=form)


def enrol(request):
    """/beheer/tweede-stap/instellen/: the first login of an account: its app, then its
    backup codes (shown once)."""
    if not request.user.is_authenticated or not request.user.is_staff:
        return redirect(reverse("admin:login"))
    if services.app_device(request.user) is not None:
        return redirect(f"{reverse('twofactor:verify')}?next={_next(request)}")
    device = services.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        codes = services.confirm_enrolment(request=request, code=form.cleaned_data["code"])
        if codes is not None:
            return _page(request, "twofactor/backup_codes.html", "Je reservecodes", codes=codes)
        form.add_error("code", "Deze code klopt niet. Typ de code die je app nu toont.")
    title = "Fout: Tweede stap instellen" if form.errors else "Tweede stap instellen"
    return _page(
        request,
        "twofactor/enrol.html",
        title,
        form=form,
        qr_code=services.qr_code(device),
        secret=services.secret_in_groups(device),
    )
