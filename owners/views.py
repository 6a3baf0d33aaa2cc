"""The owner's pages, reached by the signed link in the "Klopt dit nog?" mail: the sheet as it
stands and three answers, each a POST. No account; the link is the key, and it expires."""

from django.conf import settings
from django.core import signing
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from config.network import client_address
from config.private import private_page
from owners import services
from owners.forms import ChangedForm, EndedForm
from owners.models import Question
from practices.models import Practice
from submissions.differences import current_texts
from submissions.forms import field_errors


def _render(request, template, context, status=200):
    # same-origin: with no referrer at all a browser posts the answers with "Origin: null",
    # which the CSRF check refuses; other sites still never see the link.
    response = render(request, f"owners/{template}", context, status=status)
    return private_page(response, referrer_policy="same-origin")


def _question(request, token):
    """(question, None), or (None, the page that says why the link does not work)."""
    try:
        return Question.from_token(token), None
    except signing.SignatureExpired:
        return None, _render(
            request, "expired.html", {"link_days": settings.OWNER_LINK_DAYS}, status=410
        )
    except (signing.BadSignature, Question.DoesNotExist):
        return None, _render(request, "invalid.html", {}, status=404)


def _sheet(question):
    return (
        Practice.objects.prefetch_related("locations__municipality", "links")
        .select_related("category")
        .get(pk=question.practice_id)
    )


def question(request, token):
    found, problem = _question(request, token)
    if problem:
        return problem
    return _render(
        request,
        "question.html",
        {"question": found, "practice": _sheet(found), "token": token},
    )


@require_POST
def still_right(request, token):
    found, problem = _question(request, token)
    if problem:
        return problem
    services.confirm_still_right(question=found)
    return redirect("owners:question", token)


def changed(request, token):
    found, problem = _question(request, token)
    if problem:
        return problem
    practice = _sheet(found)
    texts = current_texts(practice)
    initial = {
        name: texts.get(name, "")
        for name in ("title", "summary", "description", "goals", "success_factors", "challenges")
    }
    initial["message"] = texts.get("places", "")
    form = ChangedForm(request.POST or None, initial=initial)
    if request.method == "POST" and not found.answer and form.is_valid():
        services.report_change(
            question=found, fields=form.submission_fields(), address=client_address(request)
        )
        return redirect("owners:question", token)
    return _render(
        request,
        "changed.html",
        {
            "question": found,
            "practice": practice,
            "form": form,
            "token": token,
            "errors": field_errors(form),
        },
    )


def ended(request, token):
    found, problem = _question(request, token)
    if problem:
        return problem
    form = EndedForm(request.POST or None)
    if request.method == "POST" and not found.answer and form.is_valid():
        services.report_ended(
            question=found,
            how=form.cleaned_data["how"],
            year=form.cleaned_data["year"],
            reason=form.cleaned_data["reason"],
            lessons=form.cleaned_data["lessons"],
            address=client_address(request),
        )
        return redirect("owners:question", token)
    return _render(
        request,
        "ended.html",
        {
            "question": found,
            "practice": found.practice,
            "form": form,
            "token": token,
            "errors": field_errors(form),
        },
    )


@csrf_exempt  # RFC 8058: mail programs post here without a form; the signed link is the key
def stop(request, token):
    found, problem = _question(request, token)
    if problem:
        return problem
    if request.method == "POST":
        services.stop_asking(question=found)
        return _render(request, "stopped.html", {"practice": found.practice})
    return _render(request, "stop.html", {"practice": found.practice, "token": token})
