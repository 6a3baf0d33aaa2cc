"""Tests of the Dutch full-text search, which exists on PostgreSQL only.

On SQLite these tests are deselected with a line saying so; .ci/run's PostgreSQL pass sets
REQUIRE_POSTGRES=True, so that they can never silently stay away there.
"""

import os

import pytest
from django.conf import settings


def pytest_collection_modifyitems(config, items):
    on_postgres = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
    if on_postgres:
        return
    if os.getenv("REQUIRE_POSTGRES") == "True":
        raise pytest.UsageError("REQUIRE_POSTGRES=True but DATABASE_URL is not PostgreSQL")
    postgres_tests = [item for item in items if "tests/postgres/" in str(item.fspath)]
    if postgres_tests:
        config.hook.pytest_deselected(items=postgres_tests)
        items[:] = [item for item in items if item not in postgres_tests]
        config.issue_config_time_warning(
            pytest.PytestWarning(
                f"{len(postgres_tests)} PostgreSQL search tests deselected: not on PostgreSQL"
            ),
            stacklevel=2,
        )
