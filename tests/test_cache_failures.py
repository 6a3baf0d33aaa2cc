"""With Redis down (a closed port) or hanging (a port that accepts and never answers), every
page and the API answer as usual: caches and throttles fall back, and a cache call gives up
after CACHE_TIMEOUT_MS instead of holding the request."""

import signal
import socket

import pytest

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db
PAGES = ["/", "/praktijken/", "/praktijken/?q=buurt", "/praktijken/pleinmakers/"]
API = ["/api/v1/praktijken/", "/api/v1/praktijken/pleinmakers/"]


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Held(BaseException):  # not an Exception: the cache code catches those
    pass


def answers(client, path, seconds=3):
    """The status of a request; Held when it takes more than `seconds` (a hanging cache
    call would otherwise hold the test for ever)."""

    def stop(signum, frame):
        raise Held(path)

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        return client.get(path).status_code
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("where", ["closed", "silent"])
def test_pages_and_the_api_answer_without_redis(client, settings, silent_port, where):
    port = closed_port() if where == "closed" else silent_port
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_OPTIONS,
        }
    }
    PracticeFactory(title="Pleinmakers", slug="pleinmakers")
    for path in PAGES + API:
        assert answers(client, path) == 200, path


def test_a_cache_call_gives_up_quickly(settings):
    assert settings.CACHE_TIMEOUT_SECONDS <= 0.2
    assert settings.REDIS_OPTIONS["socket_timeout"] == settings.CACHE_TIMEOUT_SECONDS
