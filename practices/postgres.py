"""The PostgreSQL-only parts of the schema (the search vector's triggers, the facet index):
the migrations run them through run_on_postgresql."""


def run_on_postgresql(statements):
    """A RunPython function that executes these SQL statements on PostgreSQL, and only there."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run
