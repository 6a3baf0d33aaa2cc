"""Absolute links are made from SITE_URL alone, never from the request's Host header: a page
cached for everyone, a mail or a feed must not carry whatever host one visitor sent."""

import functools
from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    return settings.SITE_URL.rstrip("/")


def absolute_url(path):
    """'/praktijken/x/' → 'https://databank.example/praktijken/x/'."""
    return site_url() + path


def on_site_url(view):
    """For views that make absolute links from the request (Django's feeds and sitemaps ask
    the request for its host and scheme): they get SITE_URL's instead."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        parts = urlsplit(site_url())
        request.get_host = lambda: parts.netloc
        request.is_secure = lambda: parts.scheme == "https"
        request._get_scheme = lambda: parts.scheme
        try:
            return view(request, *args, **kwargs)
        finally:
            # The middleware after the view (HSTS, secure cookies) asks the real request.
            for name in ("get_host", "is_secure", "_get_scheme"):
                del request.__dict__[name]

    return wrapped
