from django.conf import settings
from django.forms.utils import ErrorDict
from django.shortcuts import get_object_or_404, redirect, render

from config.links import absolute_url
from config.network import client_address
from config.private import private_page
from practices.models import Municipality, Practice
from submissions import retention, services
from submissions.differences import current_texts, sheet_facts
from submissions.forms import (
    MAX_LINKS,
    MAX_PLACES,
    ChangeSuggestionForm,
    LinkFormSetFactory,
    PlaceFormSetFactory,
    PracticeSubmissionForm,
    error_summary,
)
from submissions.models import Submission

# The status page thanks the sender once, right after sending: a mark in the session, never a
# "?verzonden=1" that a bookmark or a forwarded link would carry.
JUST_SENT = "net_verzonden"

RATE_LIMITED = (
    "Er kwamen het afgelopen uur al veel inzendingen van dit adres. Probeer het over een uur "
    "opnieuw, of mail de redactie. Wat je invulde, staat hieronder nog."
)


def file_must_be_chosen_again(request, form, limited=False, field="photo"):
    """A browser cannot refill a file field: say so when a file (the photo, or `field`) was
    sent with an error (or set aside unread, for an address over its limit)."""
    return bool(request.FILES.get(field)) and (limited or not form.is_valid())


def over_the_limit(request):
    """Checked first: an address over its limit costs no image work (its photo is set aside
    unread: the form is bound without files)."""
    return request.method == "POST" and services.is_rate_limited(address=client_address(request))


def _store(request, *, limited, valid, store):
    """The rate limit, then `store(address)` when the forms are valid. Returns the redirect
    to the new status page, or None and the problem to show above the kept form."""
    address = client_address(request)
    if limited:
        return None, RATE_LIMITED
    if not valid():
        return None, ""
    try:
        submission = store(address)
    except services.RateLimited:  # another post from this address took the last place
        return None, RATE_LIMITED
    request.session[JUST_SENT] = submission.token
    return redirect(submission.get_absolute_url()), ""


# "Nog een gemeente toevoegen" without script: the form comes back with one more row.
ADD_ROW = "meer"
ROWS = {"gemeenten": MAX_PLACES, "links": MAX_LINKS}


def _with_one_more_row(data, prefix):
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    try:
        total = int(data.get(key, ""))
    except ValueError:
        total = 0
    data[key] = str(max(1, min(total + 1, ROWS[prefix])))
    return data


def _not_judged_yet(*forms_and_formsets):
    """Show what was typed without errors: the visitor asked for a row, not to send. (Sets
    the forms' error caches, a private attribute Django has kept since 1.0.)"""
    for item in forms_and_formsets:
        if hasattr(item, "forms"):
            item._errors, item._non_form_errors = [], item.error_class()
            _not_judged_yet(*item.forms)
        else:
            item._errors = ErrorDict()


def submit_practice(request):
    data = request.POST or None
    adding = request.method == "POST" and request.POST.get(ADD_ROW) in ROWS
    if adding:
        data = _with_one_more_row(request.POST, request.POST[ADD_ROW])
    limited = not adding and over_the_limit(request)
    form = PracticeSubmissionForm(data, None if limited else request.FILES or None)
    places = PlaceFormSetFactory(data, prefix="gemeenten")
    links = LinkFormSetFactory(data, prefix="links")
    problem = ""
    if adding:
        _not_judged_yet(form, places, links)
    elif request.method == "POST":
        done, problem = _store(
            request,
            limited=limited,
            valid=lambda: all([form.is_valid(), places.is_valid(), links.is_valid()]),
            store=lambda address: services.submit_practice(
                fields=form.submission_fields(),
                places=[f.cleaned_data for f in places if f.cleaned_data.get("municipality_name")],
                links=[f.cleaned_data for f in links if f.cleaned_data.get("url")],
                address=address,
                robot=form.is_robot(),
            ),
        )
        if done:
            return done
    return render(
        request,
        "submissions/submit_practice.html",
        {
            "form": form,
            "places": places,
            "links": links,
            "problem": problem,
            "errors": error_summary(form, places=places, links=links),
            "photo_again": bool(request.FILES.get("photo"))
            if adding
            else file_must_be_chosen_again(request, form, limited),
            "material_again": bool(request.FILES.get("material_file"))
            if adding
            else file_must_be_chosen_again(request, form, limited, "material_file"),
            "municipalities": Municipality.objects.values_list("name", flat=True),
            "max_places": MAX_PLACES,
            "max_links": MAX_LINKS,
            "added": request.POST.get(ADD_ROW) if adding else "",
            "nav": "submit",
        },
    )


def suggest_change(request, slug):
    practice = get_object_or_404(
        Practice.objects.published().prefetch_related("locations__municipality", "links"),
        slug=slug,
    )
    texts = current_texts(practice)
    # "?onderdeel=description": the form opens with that part chosen and its text to edit.
    part = request.GET.get("onderdeel", "")
    initial = (
        {"part": part, "message": texts.get(part, "")}
        if part in dict(Submission.Part.choices)
        else {}
    )
    # The facts open as the sheet has them: a suggestion changes what it changes.
    initial.update(sheet_facts(practice))
    limited = over_the_limit(request)
    files = None if limited else request.FILES or None
    form = ChangeSuggestionForm(request.POST or None, files, initial=initial, sheet=practice)
    problem = ""
    if request.method == "POST":
        done, problem = _store(
            request,
            limited=limited,
            valid=form.is_valid,
            store=lambda address: services.suggest_change(
                practice=practice,
                fields=form.submission_fields(),
                address=address,
                robot=form.is_robot(),
            ),
        )
        if done:
            return done
    return render(
        request,
        "submissions/suggest_change.html",
        {
            "form": form,
            "practice": practice,
            "problem": problem,
            "errors": error_summary(form),
            "texts": texts,
            "parts": [(key, label) for key, label in Submission.Part.choices if texts.get(key)],
            "photo_again": file_must_be_chosen_again(request, form, limited),
            "material_again": file_must_be_chosen_again(request, form, limited, "material_file"),
        },
    )


def status(request, token):
    submission = get_object_or_404(
        Submission.objects.select_related("practice", "category").prefetch_related(
            "places", "links", "target_groups", "policy_domains", "actions"
        ),
        token=token,
    )
    just_sent = JUST_SENT in request.session and request.session[JUST_SENT] == token
    if just_sent:
        del request.session[JUST_SENT]
    published = (
        submission.practice if submission.practice and submission.practice.is_published else None
    )
    response = render(
        request,
        "submissions/status.html",
        {
            "submission": submission,
            "just_sent": just_sent,
            "status_url": absolute_url(submission.get_absolute_url()),
            "published_practice": published if submission.status == "accepted" else None,
        },
    )
    return private_page(response)


def privacy(request):
    return render(
        request,
        "submissions/privacy.html",
        {
            "retention_months": settings.SUBMITTER_DATA_MONTHS,
            "hash_hours": retention.ADDRESS_HASH_HOURS,
            "spam_days": retention.SPAM_DAYS,
            "record_days": retention.TASK_AND_LOGIN_DAYS,
            "alert_confirm_days": settings.ALERT_CONFIRM_DAYS,
            "owner_link_days": settings.OWNER_LINK_DAYS,
            "review_months": settings.REVIEW_INTERVAL_MONTHS,
            "controller": settings.DATA_CONTROLLER,
            "controller_email": settings.DATA_CONTROLLER_EMAIL,
            "dpo_email": settings.DATA_PROTECTION_OFFICER_EMAIL,
            "authority": settings.SUPERVISORY_AUTHORITY,
            "authority_url": settings.SUPERVISORY_AUTHORITY_URL,
        },
    )
