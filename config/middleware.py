import re

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string


class RefuseOversizedRequestsMiddleware:
    """Answer 413 before reading a body larger than the largest legitimate request (the
    submission form with a 5 MB photo): a 100 MB upload is never read into the worker."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            response = HttpResponse(render_to_string("413.html", request=request), status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """The headers Django has no setting for: browser features the site never uses are
    switched off (settings.PERMISSIONS_POLICY), and no other site may embed what this one
    serves (Cross-Origin-Resource-Policy; settings.CROSS_ORIGIN_RESOURCE_POLICY)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.setdefault("Cross-Origin-Resource-Policy", settings.CROSS_ORIGIN_RESOURCE_POLICY)
        return response


CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")


class StripNullCharactersMiddleware:
    """Drop NUL characters from query-string parameters before any view sees them, and
    answer 404 to a path with a control character in it (NUL included).

    PostgreSQL refuses NUL in text, so a `%00` in a search box, an admin filter or an
    autocomplete term would otherwise end in a server error; in a path (`/meldingen/%00/`,
    a token or slug) no page has one. Form fields already refuse NUL in posted data with a
    message; in a URL it is never meaningful.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTER.search(request.path):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": "Niet gevonden."}, status=404)
            raise Http404("Een adres met een stuurteken bestaat niet.")
        items = list(request.GET.lists())
        if any("\x00" in key or any("\x00" in v for v in values) for key, values in items):
            cleaned = QueryDict(mutable=True)
            for key, values in items:
                cleaned.setlist(key.replace("\x00", ""), [v.replace("\x00", "") for v in values])
            cleaned._mutable = False
            request.GET = cleaned
        return self.get_response(request)


class ContentVersionMiddleware:
    """After any write by an editor (a POST in the admin: save, delete, an action, an
    import), replace the content version, so that nothing cached before it is served again
    (practices.content_cache). Visitors' forms change no published content. Within a
    request the version is read from the cache once."""

    UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from practices.content_cache import content_changed, read_once

        with read_once():  # the version is read from the cache once per request
            response = self.get_response(request)
            user = getattr(request, "user", None)
            if request.method in self.UNSAFE and user is not None and user.is_staff:
                content_changed()
        return response
