"""Helpers for the PostgreSQL-only parts of the search: arrays of ids, prepared statements."""

from dataclasses import dataclass

from django.db import models
from django.db.backends.postgresql.base import ServerBindingCursor  # psycopg is a dependency
from pyroaring import BitMap


@dataclass(frozen=True)
class IdArray:
    """Ids as one PostgreSQL array literal ('{3,5,8}'), sent and read as a single text.

    A broad word finds thousands of practices; their ids go to the facet counts, the page's
    cards and the small map. As a Python list psycopg writes each element (20,000 ids: 50 ms
    a statement); as one text PostgreSQL reads them itself (17 ms, most of it the statement).
    The text is made by joining ints (a list or a bitmap, search.bitmaps): never user input;
    PostgreSQL's own arrays of ids are read in binary (search.bitmaps.matched)."""

    text: str

    @classmethod
    def of(cls, ids):
        return cls("{" + ",".join(map(str, map(int, ids))) + "}")

    def __len__(self):
        return 0 if self.text == "{}" else self.text.count(",") + 1

    def __iter__(self):
        inner = self.text[1:-1]
        return iter([int(pk) for pk in inner.split(",")] if inner else [])


def as_parameter(ids):
    """An id array's parameter for `%s::bigint[]`: its text, or a list of ids (a bitmap's
    as text too: search.bitmaps)."""
    if isinstance(ids, BitMap):
        return IdArray.of(ids).text
    return ids.text if isinstance(ids, IdArray) else list(ids)


class AnyOf(models.Func):
    """`column = ANY(...)`: the ids in `ids` (one array parameter) and those the subqueries
    return, each as ARRAY(subquery), joined with ||. PostgreSQL only.

    A subquery this way runs once, ahead of the scan (an InitPlan), and the array is looked
    up through the column's index. Unlike `id IN (subquery)`, an OR of this with the search
    vector's match stays a bitmap OR of two indexes instead of a scan of every practice.
    A list of ids tells the planner how many rows to expect, which a repeated text match
    does not."""

    output_field = models.BooleanField()
    conditional = True

    def __init__(self, column, *subqueries, ids=None):
        super().__init__(column, *subqueries)
        # A bitmap is written out only when the statement is.
        self.ids = ids if ids is None or isinstance(ids, IdArray | BitMap) else tuple(ids)

    def as_sql(self, compiler, connection, **extra_context):
        column, *subqueries = self.get_source_expressions()
        column_sql, params = compiler.compile(column)
        arrays = []
        if self.ids is not None:
            arrays.append("%s::bigint[]")
            params = (*params, as_parameter(self.ids))
        for subquery in subqueries:
            sql, subquery_params = compiler.compile(subquery)
            arrays.append(f"ARRAY{sql}")
            params = (*params, *subquery_params)
        return f"{column_sql} = ANY({' || '.join(arrays) or 'ARRAY[]::bigint[]'})", params


def rows_of(connection, sql, params, *, binary=False):
    """All rows of a statement that every search runs in the same form, only its values
    differing: on PostgreSQL prepared on the connection (sent with its values apart, planned
    again only while PostgreSQL still finds a plan for the values worth it). Planning took
    as long as running for these statements (1 to 2 ms each). Logged and counted like any
    query. Other databases run it as it is. With `binary` PostgreSQL sends the values in
    their binary form (an array of ids: a list at once, where its text had to be parsed)."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.ensure_connection()
    # Django's own cursor wrapper (query log, execute wrappers) around a cursor that binds
    # on the server and prepares; the ORM's queries keep client-side binding.
    cursor = PreparingCursor(connection.connection)
    cursor.binary = binary
    with connection._prepare_cursor(cursor) as wrapped:
        wrapped.execute(sql, params)
        return wrapped.fetchall()


class PreparingCursor(ServerBindingCursor):
    """psycopg's server-binding cursor (as Django's), asking psycopg to prepare every
    statement it runs."""

    binary = False

    def execute(self, query, params=None, **kwargs):
        return super().execute(query, params, prepare=True, binary=self.binary, **kwargs)
