from django.db import migrations

from submissions.editors import refresh_editors_group


class Migration(migrations.Migration):
    """Editors read what visitors look for (not change it)."""

    dependencies = [
        ("insights", "0001_initial"),
        ("owners", "0002_editors_keep_owners"),
    ]

    operations = [migrations.RunPython(refresh_editors_group, migrations.RunPython.noop)]
