"""Whole pages for visitors, kept in the cache per content version (issue 13, item 4).

A page is the same for every visitor who has no session: no shortlist, no login, no message.
Such a visitor's GET of a page without a query string is answered from the cache; the first
one renders it and keeps it. Two things differ per visitor and are put in on the way out:
the CSRF token of the "Bewaar" forms (the stored copy keeps none) and the cookie that goes
with it, which CsrfViewMiddleware sets as for any page. Everything else of the request's
middleware (security headers, CSP, Vary) runs as usual.

Never kept: a visitor with a session or messages (an editor, someone with a shortlist),
any query string (searches with filters have their costly parts cached in content_cache
instead, and random parameters cannot fill the cache), anything but a plain 200, and a
response that sets a cookie of its own or says private or no-store. The key holds the content
version (any editor's change makes every page new) and the day (pages that say how long ago
something was reviewed).
"""

import functools
import hashlib
import logging
import re

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.cache import patch_vary_headers

from practices.content_cache import CACHE_ERRORS, content_version

TOKEN_FIELD = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Last-Modified")
logger = logging.getLogger(__name__)


def for_visitors(view):
    """Serve `view` from the cache to visitors without a session (see the module)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        key = _key(request)
        if key is None:
            return view(request, *args, **kwargs)
        try:
            kept = cache.get(key)
        except CACHE_ERRORS:
            return view(request, *args, **kwargs)
        if kept is not None:
            return _replayed(request, *kept)
        response = view(request, *args, **kwargs)
        if _keepable(response):
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            parts = TOKEN_FIELD.split(response.content)
            try:
                cache.set(key, (headers, parts), timeout=settings.CONTENT_CACHE_SECONDS)
            except CACHE_ERRORS:
                logger.warning("Cache unreachable: page not kept", exc_info=True)
        return response

    return wrapper


def _key(request):
    if request.method != "GET" or request.GET or _has_state(request):
        return None
    version = content_version()
    if version is None:
        return None
    path = hashlib.sha256(request.path.encode()).hexdigest()[:32]
    return f"page:{version}:{timezone.localdate().isoformat()}:{path}"


def _has_state(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _keepable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _replayed(request, headers, parts):
    token = b""
    if len(parts) > 1:
        token = f'name="csrfmiddlewaretoken" value="{get_token(request)}"'.encode()
    response = HttpResponse(token.join(parts))
    for name, value in headers.items():
        response[name] = value
    patch_vary_headers(response, ("Cookie",))
    return response
