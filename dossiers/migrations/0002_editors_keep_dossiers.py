from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors put the dossiers together."""

    dependencies = [
        ("dossiers", "0001_initial"),
        ("insights", "0002_editors_read_searches"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
