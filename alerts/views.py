"""The public pages of the alerts: ask, confirm, manage, leave.

Every page about one subscription is reached by the secret in its address only; those pages
are never cached, never indexed, and never pass their address on to another site in a Referer
("same-origin", not "no-referrer": with that, a browser sends `Origin: null` on the page's own
forms and the CSRF check refuses them).
"""

from django.conf import settings
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from alerts import services
from alerts.forms import FrequencyForm, SubscribeForm
from alerts.models import Subscription, confirm_within, search_url
from alerts.searches import followed_search
from config.network import client_address
from config.private import private_page

TOO_LONG = (
    "Deze zoekopdracht is te lang om te volgen. Kies minder filters of zoekwoorden en vraag "
    "dan je meldingen aan."
)
RATE_LIMITED = (
    "Er kwamen het afgelopen uur al veel aanvragen van dit adres. Probeer het over een uur "
    "opnieuw. Wat je invulde, staat hieronder nog."
)


def _private(response):
    return private_page(response, referrer_policy="same-origin")


def subscribe(request):
    """The search comes from the address (the form posts back to it); the form asks the rest."""
    followed = followed_search(request.GET)
    form = SubscribeForm(request.POST or None)
    too_long = len(followed.search) > Subscription._meta.get_field("search").max_length
    problem = TOO_LONG if too_long else ""
    if request.method == "POST" and not too_long:
        address = client_address(request)
        if services.is_rate_limited(address=address):
            problem = RATE_LIMITED
        elif form.is_valid():
            try:
                services.request_subscription(
                    email=form.cleaned_data["email"],
                    search=followed.search,
                    description=followed.description,
                    frequency=form.cleaned_data["frequency"],
                    address=address,
                    robot=form.is_robot(),
                )
            except services.RateLimited:
                problem = RATE_LIMITED
            else:
                email = form.cleaned_data["email"].strip().lower()
                context = {"email": email, "followed": followed}
                context["confirm_days"] = settings.ALERT_CONFIRM_DAYS
                return _private(render(request, "alerts/sent.html", context))
    context = {
        "form": form,
        "followed": followed,
        "search_url": search_url(followed.search),
        "count": followed.practices.count(),
        "problem": problem,
        "confirm_days": settings.ALERT_CONFIRM_DAYS,
    }
    return _private(render(request, "alerts/subscribe.html", context))


def _gone(request):
    return _private(render(request, "alerts/gone.html", status=404))


def confirm(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return _gone(request)
    if (
        not subscription.is_confirmed
        and subscription.requested_at < timezone.now() - confirm_within()
    ):
        again = subscription.search
        services.unsubscribe(subscription=subscription)
        return _private(
            render(
                request,
                "alerts/expired.html",
                {"search": again, "confirm_days": settings.ALERT_CONFIRM_DAYS},
                status=410,
            )
        )
    if request.method != "POST" and not subscription.is_confirmed:
        # A mail scanner that opens the link confirms nothing: the page asks for one click.
        return _private(render(request, "alerts/confirm.html", {"subscription": subscription}))
    services.confirm_subscription(subscription=subscription)
    return _private(render(request, "alerts/confirmed.html", {"subscription": subscription}))


def manage(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if subscription is None:
        return _gone(request)
    form = FrequencyForm(request.POST or None, initial={"frequency": subscription.frequency})
    saved = False
    if request.method == "POST" and form.is_valid():
        services.change_frequency(
            subscription=subscription, frequency=form.cleaned_data["frequency"]
        )
        saved = True
    context = {"subscription": subscription, "form": form, "saved": saved}
    return _private(render(request, "alerts/manage.html", context))


@csrf_exempt  # RFC 8058: mail programs post here without a form; the token is the key
def unsubscribe(request, token):
    subscription = Subscription.objects.filter(token=token).first()
    if request.method == "POST":
        search = subscription.search if subscription else None
        if subscription:
            services.unsubscribe(subscription=subscription)
        return _private(render(request, "alerts/unsubscribed.html", {"search": search}))
    if subscription is None:
        return _gone(request)
    return _private(render(request, "alerts/unsubscribe.html", {"subscription": subscription}))
