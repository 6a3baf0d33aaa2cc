import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views import defaults

# How long a browser or crawler is asked to wait when the database cannot be reached.
RETRY_AFTER_SECONDS = 30


def health(request):
    """For a load balancer: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "database unreachable"}, status=503)
    return JsonResponse({"status": "ok"})


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the admin's)."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


def server_error(request):
    """500, except when the database cannot be reached (refused, timed out, gone away): then
    503 with Retry-After, which tells browsers, crawlers and a load balancer it will pass."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("503.html", request=request), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """A form sent without a valid token (an old tab, cookies refused): Django's own page is
    English with an inline style our CSP blocks; this one says what to do, in Dutch."""
    body = render_to_string("403_csrf.html", request=request)
    return HttpResponse(body, status=403)
