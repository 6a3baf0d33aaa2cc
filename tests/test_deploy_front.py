"""Gunicorn never faces clients directly: the production front (deploy/nginx.conf) reads a
request's headers and body whole before it passes the request on, and drops clients that send
them too slowly (benchmarks/abuse.py --steps slow measures what that spares). The cache has a
memory limit and may evict anything (deploy/redis.conf)."""

import re

from django.conf import settings


def directives(path):
    text = (settings.BASE_DIR / path).read_text()
    return dict(re.findall(r"^\s*([a-z_]+)\s+([^;\n]+);", text, re.MULTILINE))


def seconds(value):
    return int(value.rstrip("s"))


def test_nginx_buffers_whole_requests_and_times_out_slow_clients():
    found = directives("deploy/nginx.conf")
    assert found["proxy_request_buffering"] == "on"
    assert seconds(found["client_header_timeout"]) <= 15
    assert seconds(found["client_body_timeout"]) <= 15
    assert found["client_max_body_size"] == "12m"  # a 10 MB document and its form


def test_redis_has_a_memory_limit_and_may_evict_every_key():
    found = dict(
        re.findall(
            r"^(\w[\w-]*)\s+(.+)$",
            (settings.BASE_DIR / "deploy/redis.conf").read_text(),
            re.MULTILINE,
        )
    )
    assert found["maxmemory"] == "256mb"
    assert found["maxmemory-policy"] == "allkeys-lru"
