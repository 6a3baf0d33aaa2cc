"""How much the exports may cost the site: a filtered export is computed for the asker, so
it counts against the client's API throttle (one bucket for both), and only EXPORT_STREAMS of
them run at once on the whole site; beyond that the answer is 429 with Retry-After.

The site-wide limit is a semaphore of PostgreSQL advisory locks (one per slot, held by the
connection while the file is written or streamed, so it spans every app node); on SQLite, one
process, a thread semaphore."""

import threading

from django.conf import settings
from django.db import connection

LOCK_CLASS = 724_001  # advisory locks (LOCK_CLASS, slot): this module's own
_lock = threading.Lock()
_running = [0]


def take_slot():
    """A function that gives the slot back, or None when every slot is taken."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for slot in range(settings.EXPORT_STREAMS):
                cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [LOCK_CLASS, slot])
                if cursor.fetchone()[0]:
                    return _unlock_postgresql(slot)
        return None
    with _lock:
        if _running[0] >= settings.EXPORT_STREAMS:
            return None
        _running[0] += 1
    return _unlock_local


def _unlock_postgresql(slot):
    def release():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_CLASS, slot])

    return release


def _unlock_local():
    with _lock:
        _running[0] = max(_running[0] - 1, 0)


class ReleasedAfter:
    """The chunks of a streamed file, giving the slot back when the stream ends, or when the
    server closes the response (Django calls close() on streamed content: a client that
    hangs up before the first chunk gives the slot back too)."""

    def __init__(self, chunks, release):
        self.chunks, self.release = chunks, release

    def __iter__(self):
        try:
            yield from self.chunks
        finally:
            self.close()

    def close(self):
        """Close the rows (their database cursor) and give the slot back, once."""
        release, self.release = self.release, None
        close_rows = getattr(self.chunks, "close", None)
        if close_rows:
            close_rows()
        if release:
            release()
