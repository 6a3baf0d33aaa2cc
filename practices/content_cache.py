"""What several requests would compute alike, kept in Django's cache under the version of the
content, so that it is never stale.

Every key holds the content version: a random token in the cache itself, replaced by every
change an editor makes (config.middleware.ContentVersionMiddleware after each of their
writes, and the commands that load content). With Redis (REDIS_URL) all app nodes share the
token, so a change is seen on the very next request on every node; old entries are simply
never asked for again and expire. If the token itself is evicted, a new one is drawn: that,
too, only ever makes entries unreachable, never stale.

Only shared content goes here: never a form, a CSRF token, an editor's preview or anything
personal.
"""

import contextlib
import contextvars
import hashlib
import logging
import threading
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

VERSION_KEY = "content-version"
logger = logging.getLogger(__name__)


# The cache may be down (Redis restarting): the site then computes everything itself, slower
# but right. Any error of the cache backend counts.
CACHE_ERRORS = (Exception,)


# Within one request the token is read from the cache once (config.middleware opens the
# scope): a search asks for it three to four times.
_per_request = contextvars.ContextVar("content_version_per_request", default=None)


@contextlib.contextmanager
def read_once():
    """Within this block (one request) the content version is read from the cache once."""
    scope = _per_request.set({})
    try:
        yield
    finally:
        _per_request.reset(scope)


def content_version():
    """The current token, or None when the cache cannot be reached."""
    known = _per_request.get()
    if known:
        return known["version"]
    version = _read_version()
    if known is not None and version is not None:
        known["version"] = version
    return version


def _read_version():
    try:
        version = cache.get(VERSION_KEY)
        if version is None:
            cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)  # the first node wins
            version = cache.get(VERSION_KEY) or uuid.uuid4().hex  # (a dummy cache keeps none)
        return version
    except CACHE_ERRORS:
        logger.warning("Cache unreachable: content is computed without it", exc_info=True)
        return None


def content_changed():
    """Make everything cached so far unreachable: call after any change to the content."""
    version = uuid.uuid4().hex
    known = _per_request.get()
    if known is not None:
        known["version"] = version
    try:
        cache.set(VERSION_KEY, version, timeout=None)
    except CACHE_ERRORS:
        # Entries kept in a cache we cannot reach now may be served until they expire
        # (CONTENT_CACHE_SECONDS); a restarted Redis keeps none.
        logger.exception("Cache unreachable: the content version could not be replaced")


def _key(name, version, parts):
    return f"{name}:{version}:{hashlib.sha256(repr(parts).encode()).hexdigest()[:24]}"


# Small values that every search asks for (synonyms, the names of chosen values, what a word
# reaches) are also held in the app process, under the same versioned keys, so a search
# does not ask the cache for them again: never stale (the key holds the version), never more
# than HELD_MOST entries. Only for values that no caller changes: every request gets the
# same object. A lock, since a threaded server (runserver) shares the process.
_held = OrderedDict()
_held_lock = threading.Lock()
HELD_MOST = 1024


def _held_get(key):
    with _held_lock:
        found = _held.get(key)
        if found is not None:
            _held.move_to_end(key)
        return found


def _hold(key, value):
    with _held_lock:
        _held[key] = value
        while len(_held) > HELD_MOST:
            _held.popitem(last=False)


def cached(name, compute, *parts, held=False):
    """compute() once per content version and `parts` (the values it depends on). With
    `held`, also kept in this process (for values nobody changes)."""
    version = content_version()
    if version is None:
        return compute()
    key = _key(name, version, parts)
    if held and (found := _held_get(key)) is not None:
        return found
    try:
        found = cache.get(key)
    except CACHE_ERRORS:
        return compute()
    if found is None:
        found = compute()
        try:
            cache.set(key, found, timeout=settings.CONTENT_CACHE_SECONDS)
        except CACHE_ERRORS:
            logger.warning("Cache unreachable: %s not kept", name, exc_info=True)
    if held:
        _hold(key, found)
    return found


def cached_each(name, compute, items, *, held=False):
    """{item: value} for every item of `items`, each kept on its own per content version:
    compute(missing) gives {item: value} for the items not in the cache, in one go. One
    round trip to the cache for all of them (none when all are `held` in this process)."""
    items = list(dict.fromkeys(items))
    version = content_version()
    if version is None:
        return compute(items)
    keys = {item: _key(name, version, (item,)) for item in items}
    found = {}
    if held:
        found = {item: value for item, key in keys.items() if (value := _held_get(key)) is not None}
        if len(found) == len(items):
            return found
    try:
        kept = cache.get_many([key for item, key in keys.items() if item not in found])
    except CACHE_ERRORS:
        return compute(items)
    found |= {item: kept[key] for item, key in keys.items() if key in kept}
    missing = [item for item in items if item not in found]
    if missing:
        computed = compute(missing)
        found |= computed
        try:
            cache.set_many(
                {keys[item]: value for item, value in computed.items()},
                timeout=settings.CONTENT_CACHE_SECONDS,
            )
        except CACHE_ERRORS:
            logger.warning("Cache unreachable: %s not kept", name, exc_info=True)
    if held:
        for item, value in found.items():
            _hold(keys[item], value)
    return found
