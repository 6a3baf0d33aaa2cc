"""Tests of the Dutch full-text search, which exists on PostgreSQL only.

On SQLite these tests are deselected with a line saying so; .ci/run's PostgreSQL pass sets
REQUIRE_POSTGRES=True, so that they can never silently stay away there.
"""

from django.conf import settings

from tests.conftest import deselect_unless


def pytest_collection_modifyitems(config, items):
    deselect_unless(
        config,
        items,
        folder="postgres",
        available=settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
        required_by="REQUIRE_POSTGRES",
        reason="DATABASE_URL is not PostgreSQL",
    )
