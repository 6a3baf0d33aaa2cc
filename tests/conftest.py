import contextlib
import os

import pytest
from django.contrib.auth.models import Group, Permission

from submissions.editors import editors_group
from tests import factories


def deselect_unless(config, items, *, folder, available, required_by, reason):
    """Leave out the tests in `folder` when what they need is not there, and say so; fail
    instead when the environment variable `required_by` is "True" (as in .ci/run)."""
    if available:
        return
    if os.getenv(required_by) == "True":
        raise pytest.UsageError(f"{required_by}=True, but {reason}")
    left_out = [item for item in items if f"tests/{folder}/" in str(item.fspath)]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]
        config.issue_config_time_warning(
            pytest.PytestWarning(f"{len(left_out)} tests in tests/{folder}/ deselected: {reason}"),
            stacklevel=2,
        )


@pytest.fixture(autouse=True)
def _plain_static_and_tmp_media(settings, tmp_path):
    # Tests do not run collectstatic, so serve static files without the manifest.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _no_cache(settings):
    """Each test sees its own writes at once: no cache, except in the tests of the cache
    (tests/test_content_cache.py), which ask for the real one."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def real_cache(settings):
    """The cache as in production: Redis when REDIS_URL is set (CI), else local memory;
    emptied before and after. Yields the backend's path."""
    from django.core.cache import cache

    url = os.environ.get("REDIS_URL")
    backend = (
        {"BACKEND": "config.cache.RedisCache", "LOCATION": url}
        if url
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
    settings.CACHES = {"default": {**backend, "KEY_PREFIX": "tests"}}
    cache.clear()
    yield backend["BACKEND"]
    with contextlib.suppress(Exception):  # a test may have pointed the cache nowhere
        cache.clear()


@pytest.fixture(autouse=True)
def _one_step_login(settings):
    """The editors' second step (twofactor/) is switched off for the tests of everything
    else; tests/test_twofactor.py switches it on and tests it whole."""
    settings.REQUIRE_SECOND_FACTOR = False


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    """Tasks run when their transaction commits, so a test sees the mail a request sends.
    Production queues them for a worker: tests/test_mail_worker.py covers that path."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def silent_port():
    """A local port that takes connections and never says a word: a mail server or a
    database host that hangs."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    yield server.getsockname()[1]
    server.close()


@pytest.fixture
def anonymous(client):
    """A visitor who is not logged in."""
    return client


@pytest.fixture
def submitter(client, db):
    """Somebody with an account but no editor rights."""
    user = factories.UserFactory(username="indiener")
    client.force_login(user)
    return client


@pytest.fixture
def editor_user(db):
    """A member of the group Redacteurs, with exactly the rights the migration gives it."""
    user = factories.UserFactory(username="redacteur", is_staff=True)
    user.groups.add(editors_group(Group, Permission))
    return user


@pytest.fixture
def assessed(db):
    """A published practice with a valid evidence assessment (tests/evidence_data.py)."""
    from tests.evidence_data import assessed_practice

    return assessed_practice()


@pytest.fixture
def editor(client, editor_user):
    """A member of the editorial team, logged in."""
    client.force_login(editor_user)
    return client


@pytest.fixture(autouse=True)
def _export_slots_given_back():
    """A streamed export the test client never reads is never closed (a server always closes
    it): give its export slot back after each test (opendata.export_limits)."""
    yield
    import gc

    from django.db import connection

    from opendata import export_limits

    gc.collect()  # an unread stream's rows close their cursor now, in the test's transaction
    export_limits._running[0] = 0
    if connection.vendor == "postgresql" and connection.connection is not None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock_all()")
        except Exception:  # a test that left its transaction broken: nothing to give back
            pass
