"""With the database down or hanging, pages answer 503 with Retry-After within seconds,
instead of a 500 or a request held until gunicorn kills the worker."""

import json
import os
import socket
import subprocess
import sys

import pytest

from tests.deploy_check import PRODUCTION

# A request in a fresh process, so the settings read this DATABASE_URL; prints what came back.
REQUEST = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
# No collectstatic here: static files from the finders instead of the manifest.
override_settings(
    STORAGES={**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
).enable()
client = Client(
    raise_request_exception=False, HTTP_HOST="databank.example", HTTP_X_FORWARDED_PROTO="https"
)
out = {}
for path in ("/", "/praktijken/?q=buurt", "/gezondheid/"):
    response = client.get(path)
    out[path] = [response.status_code, response.get("Retry-After"), response.content.decode()]
print(json.dumps(out))
"""


def pages_with_database_at(port, tmp_path):
    env = {
        **os.environ,
        **PRODUCTION,
        "VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{port}/databank",
        "DB_CONNECT_TIMEOUT": "2",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    done = subprocess.run(
        [sys.executable, "-c", REQUEST],
        env=env,
        capture_output=True,
        text=True,
        timeout=25,  # far above 3 × the connect timeout: a hang fails the test here
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def assert_unavailable(pages):
    for path in ("/", "/praktijken/?q=buurt"):
        status, retry_after, html = pages[path]
        assert (status, retry_after) == (503, "30"), path
        assert "De databank is even niet beschikbaar" in html
        assert "wat je typte, staat daar meestal nog" in html
    assert pages["/gezondheid/"][0] == 503


def test_a_database_that_refuses_gives_503_with_retry_after(tmp_path):
    assert_unavailable(pages_with_database_at(free_port(), tmp_path))


def test_a_database_that_hangs_gives_503_after_the_connect_timeout(tmp_path, silent_port):
    assert_unavailable(pages_with_database_at(silent_port, tmp_path))


@pytest.mark.django_db
def test_other_errors_stay_500(client, settings):
    """The 503 is for an unreachable database only; a bug is still a 500."""
    settings.ROOT_URLCONF = "tests.broken_urls"
    client.raise_request_exception = False
    response = client.get("/kapot/")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "Retry-After" not in response
