"""Subresource integrity for our own static files: `integrity="{% integrity 'js/search.js' %}"`.

The hash is of the file the browser gets: the collected (hashed) file in production, the
source file under DEBUG or in tests. Computed once per file and process, except under DEBUG,
where a file may change while the server runs.
"""

import base64
import hashlib
from functools import lru_cache

from django import template
from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

register = template.Library()


def _digest(path):
    """The hash of the file the browser will get: with hashed names (production), the
    collected file; otherwise the file the finders serve (runserver, tests), never a copy an
    earlier collectstatic left in STATIC_ROOT."""
    stored = getattr(staticfiles_storage, "stored_name", None)
    found = None if stored else finders.find(path)
    if found:
        with open(found, "rb") as file:
            content = file.read()
    else:
        with staticfiles_storage.open(stored(path) if stored else path) as file:
            content = file.read()
    return "sha384-" + base64.b64encode(hashlib.sha384(content).digest()).decode()


_cached_digest = lru_cache(maxsize=64)(_digest)


@register.simple_tag
def integrity(path):
    return _digest(path) if settings.DEBUG else _cached_digest(path)
