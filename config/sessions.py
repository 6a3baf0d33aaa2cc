"""Sessions read from the cache and written through to the database (Django's cached_db),
which carry on with the database alone while the cache is unreachable: a Redis restart slows
the site, it never logs an editor out or answers with an error."""

import logging

from django.contrib.sessions.backends import cached_db
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

logger = logging.getLogger(__name__)


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            return super().load()
        except Exception:  # any error of the cache backend
            logger.warning("Cache unreachable: session read from the database", exc_info=True)
            return DatabaseStore.load(self)

    def exists(self, session_key):
        try:
            return super().exists(session_key)
        except Exception:
            return DatabaseStore.exists(self, session_key)

    def delete(self, session_key=None):
        try:
            super().delete(session_key)  # the database row first, then the cached copy
        except Exception:
            logger.warning("Cache unreachable: a deleted session may linger there until it expires")
