# The Dutch dictionary in the PostgreSQL search (practices/dictionary.py), when its files are
# installed on the database server; otherwise the search keeps the stemmer alone.

from django.db import migrations

from practices import dictionary


def forward(apps, schema_editor):
    if dictionary.enable(schema_editor.connection):
        dictionary.rebuild_vectors(schema_editor.connection)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        dictionary.disable(schema_editor.connection)
        dictionary.rebuild_vectors(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("practices", "0010_evidence_level")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
