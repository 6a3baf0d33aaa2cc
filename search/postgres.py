"""Helpers for the PostgreSQL-only parts of the search: arrays of ids, prepared statements."""

from django.db import models
from django.db.backends.postgresql.base import ServerBindingCursor  # psycopg is a dependency


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
        self.ids = None if ids is None else tuple(ids)

    def as_sql(self, compiler, connection, **extra_context):
        column, *subqueries = self.get_source_expressions()
        column_sql, params = compiler.compile(column)
        arrays = []
        if self.ids is not None:
            arrays.append("%s::bigint[]")
            params = (*params, list(self.ids))
        for subquery in subqueries:
            sql, subquery_params = compiler.compile(subquery)
            arrays.append(f"ARRAY{sql}")
            params = (*params, *subquery_params)
        return f"{column_sql} = ANY({' || '.join(arrays) or 'ARRAY[]::bigint[]'})", params


def rows_of(connection, sql, params):
    """All rows of a statement that every search runs in the same form, only its values
    differing: on PostgreSQL prepared on the connection (sent with its values apart, planned
    again only while PostgreSQL still finds a plan for the values worth it). Planning took
    as long as running for these statements (1 to 2 ms each). Logged and counted like any
    query. Other databases run it as it is."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    connection.ensure_connection()
    # Django's own cursor wrapper (query log, execute wrappers) around a cursor that binds
    # on the server and prepares; the ORM's queries keep client-side binding.
    with connection._prepare_cursor(PreparingCursor(connection.connection)) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class PreparingCursor(ServerBindingCursor):
    """psycopg's server-binding cursor (as Django's), asking psycopg to prepare every
    statement it runs."""

    def execute(self, query, params=None, **kwargs):
        return super().execute(query, params, prepare=True, **kwargs)
